package io.redisarrow.core.internal.sample;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;

import java.nio.charset.StandardCharsets;

/**
 * Encodes {@code JSON.GET key $} (RedisJSON 2 and valkey-json), whose reply is the document wrapped
 * in a JSON array, or nil when the key does not exist.
 */
final class JsonGet implements ProtocolKeyword {

    /** The command name. */
    static final JsonGet COMMAND = new JsonGet();

    private static final byte[] NAME = "JSON.GET".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ROOT = { '$' };

    private JsonGet() {
    }

    /**
     * @param key the key
     * @return the arguments after {@code JSON.GET}
     */
    static CommandArgs<byte[], byte[]> args(byte[] key) {
        return new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(key).add(ROOT);
    }

    @Override
    public byte[] getBytes() {
        return NAME.clone();
    }

    @Override
    public String toString() {
        return "JSON.GET";
    }
}
