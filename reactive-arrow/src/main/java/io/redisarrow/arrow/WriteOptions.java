package io.redisarrow.arrow;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * The options every write shares, whatever it writes: where each row's key comes from, the mode,
 * the TTL, how many batches are in flight and what a refused key does; read back from what a
 * {@link WriteOptionsBuilder} built. Immutable.
 */
abstract class WriteOptions {

    private final String keyColumn;

    private final @Nullable String keyTemplate;

    private final WriteMode mode;

    private final @Nullable Duration ttl;

    private final @Nullable String ttlColumn;

    private final int parallel;

    private final WriteErrorPolicy onWriteError;

    WriteOptions(WriteOptionsBuilder<?> b) {
        this.keyColumn = b.keyColumn;
        this.keyTemplate = b.keyTemplate;
        this.mode = b.mode;
        this.ttl = b.ttl;
        this.ttlColumn = b.ttlColumn;
        this.parallel = b.parallel;
        this.onWriteError = b.onWriteError;
    }

    /** @return the column holding each row's key (Utf8 or Binary), unless a template is set */
    public String keyColumn() {
        return keyColumn;
    }

    /** @return the key template, such as {@code user:{id}}, or null when the key column is used */
    public @Nullable String keyTemplate() {
        return keyTemplate;
    }

    /** @return what the write does to keys that exist */
    public WriteMode mode() {
        return mode;
    }

    /** @return the TTL of every key written, or null */
    public @Nullable Duration ttl() {
        return ttl;
    }

    /** @return the integer column with each row's TTL in seconds, or null */
    public @Nullable String ttlColumn() {
        return ttlColumn;
    }

    /** @return the most batches encoded or in flight at once */
    public int parallel() {
        return parallel;
    }

    /** @return what a key the server refuses does */
    public WriteErrorPolicy onWriteError() {
        return onWriteError;
    }
}
