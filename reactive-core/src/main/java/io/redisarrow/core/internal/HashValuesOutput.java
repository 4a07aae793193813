package io.redisarrow.core.internal;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import io.redisarrow.core.RawBatch;

import java.nio.ByteBuffer;

/**
 * Decodes one HMGET reply into a row of a {@link RawBatch}: the n-th value goes to column n, a
 * nil stays missing. Remembers whether any value was present, since an all-nil reply cannot
 * tell a missing key from a key without those fields.
 */
final class HashValuesOutput extends CommandOutput<byte[], byte[], Void> {

    private final RawBatch batch;

    private final int row;

    private int column;

    private boolean anyPresent;

    HashValuesOutput(RawBatch batch, int row) {
        super(ByteArrayCodec.INSTANCE, null);
        this.batch = batch;
        this.row = row;
    }

    boolean anyPresent() {
        return anyPresent;
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (bytes != null) {
            batch.setValue(row, column, bytes);
            anyPresent = true;
        }
        column++;
    }

    @Override
    public void multi(int count) {
        // array header: the values follow
    }
}
