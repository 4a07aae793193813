package io.redisarrow.benchmarks;

import io.lettuce.core.protocol.ProtocolKeyword;

import java.nio.charset.StandardCharsets;

/** The RediSearch commands the search scenario sends through Lettuce's {@code dispatch}. */
enum FtCommand implements ProtocolKeyword {

    CREATE("FT.CREATE"), SEARCH("FT.SEARCH"), INFO("FT.INFO"), DROPINDEX("FT.DROPINDEX");

    private final String command;

    private final byte[] bytes;

    FtCommand(String command) {
        this.command = command;
        this.bytes = command.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] getBytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return command;
    }
}
