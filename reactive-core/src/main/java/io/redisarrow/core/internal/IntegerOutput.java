package io.redisarrow.core.internal;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;

/**
 * Keeps the integer reply of TTL or EXISTS as a primitive.
 */
final class IntegerOutput extends CommandOutput<byte[], byte[], Void> {

    private long value;

    IntegerOutput() {
        super(ByteArrayCodec.INSTANCE, null);
    }

    long value() {
        return value;
    }

    @Override
    public void set(long integer) {
        this.value = integer;
    }
}
