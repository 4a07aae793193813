package io.redisarrow.core.internal.source;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes a SCAN reply: the next cursor, then the page's keys as byte arrays, in reply order with
 * duplicates dropped (Redis may repeat a key within one reply while it rehashes).
 */
final class ScanPageOutput extends CommandOutput<byte[], byte[], ScanPageOutput> {

    private byte[] cursor;

    private final List<byte[]> keys = new ArrayList<>();

    private final Set<ByteBuffer> seen = new HashSet<>();

    ScanPageOutput() {
        super(ByteArrayCodec.INSTANCE, null);
        this.output = this;
    }

    byte[] cursor() {
        return cursor;
    }

    List<byte[]> keys() {
        return keys;
    }

    /** @return whether the cursor is back at 0, i.e. the scan is complete */
    boolean finished() {
        return cursor != null && cursor.length == 1 && cursor[0] == '0';
    }

    @Override
    public void set(ByteBuffer bytes) {
        byte[] value = new byte[bytes == null ? 0 : bytes.remaining()];
        if (bytes != null) {
            bytes.get(value);
        }
        if (cursor == null) {
            cursor = value;
        } else if (seen.add(ByteBuffer.wrap(value))) {
            keys.add(value);
        }
    }

    @Override
    public void multi(int count) {
        // two nested arrays: [cursor, [keys...]]
    }
}
