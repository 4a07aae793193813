package io.redisarrow.core.internal.search;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor page of a search whose rows load only the document's key ({@code LOAD 1 @__key}):
 * the keys, in reply order. A row without a key (a document deleted while the query ran) yields
 * nothing.
 */
final class CursorKeys extends CursorReply<CursorKeys> {

    /** The name of the key in a row; read-only and never moved, so it is shared by every page. */
    private static final ByteBuffer KEY = ByteBuffer.wrap(new byte[] { '_', '_', 'k', 'e', 'y' }).asReadOnlyBuffer();

    private final List<byte[]> keys;

    private boolean keyNext;

    /** @param expected rows expected, to size the list */
    CursorKeys(int expected) {
        this.keys = new ArrayList<>(expected);
    }

    /** @return the page's keys */
    List<byte[]> keys() {
        return keys;
    }

    @Override
    void beginRow() {
        keyNext = false;
    }

    @Override
    void name(ByteBuffer bytes) {
        keyNext = bytes != null && bytes.equals(KEY);
    }

    @Override
    void value(ByteBuffer bytes) {
        if (keyNext && bytes != null) {
            byte[] key = new byte[bytes.remaining()];
            bytes.get(key);
            keys.add(key);
        }
        keyNext = false;
    }

    @Override
    void endRow() {
    }
}
