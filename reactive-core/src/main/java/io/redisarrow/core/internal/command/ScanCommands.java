package io.redisarrow.core.internal.command;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandArgs;
import org.jspecify.annotations.Nullable;

/**
 * Encodes {@code SCAN cursor MATCH pattern COUNT n [TYPE type]}, sent through Lettuce on the shared
 * connection.
 */
public final class ScanCommands {

    private ScanCommands() {
    }

    /**
     * @param cursor the cursor Redis returned, or {@code 0} to start
     * @param pattern the MATCH glob, as bytes
     * @param count the COUNT hint
     * @param type the TYPE filter, or null for none
     * @return the arguments after {@code SCAN}
     */
    public static CommandArgs<byte[], byte[]> scan(byte[] cursor, byte[] pattern, long count, @Nullable String type) {
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(cursor)
                .add("MATCH").add(pattern).add("COUNT").add(count);
        if (type != null) {
            args.add("TYPE").add(type);
        }
        return args;
    }
}
