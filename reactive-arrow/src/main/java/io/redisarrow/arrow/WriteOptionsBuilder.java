package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.write.KeyTemplate;
import io.redisarrow.core.WriteRequest;

import java.time.Duration;
import java.util.Objects;

/**
 * The setters every write's builder shares; they validate eagerly. Defaults: keys from the
 * {@value #DEFAULT_KEY_COLUMN} column, {@link WriteMode#MERGE}, no TTL, {@value #DEFAULT_PARALLEL}
 * batches in flight, {@link WriteErrorPolicy#FAIL}.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class WriteOptionsBuilder<B extends WriteOptionsBuilder<B>> {

    /** Default key column: the one scans emit. */
    public static final String DEFAULT_KEY_COLUMN = HashScan.DEFAULT_KEY_COLUMN;

    /** Default batches in flight. */
    public static final int DEFAULT_PARALLEL = 4;

    String keyColumn = DEFAULT_KEY_COLUMN;

    String keyTemplate;

    WriteMode mode = WriteMode.MERGE;

    Duration ttl;

    String ttlColumn;

    int parallel = DEFAULT_PARALLEL;

    WriteErrorPolicy onWriteError = WriteErrorPolicy.FAIL;

    WriteOptionsBuilder() {
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /**
     * Takes each row's key from a column, which must be Utf8 or Binary and hold no null or empty
     * key; the column is not written as a value. Replaces a key template.
     *
     * @param name the column
     * @return this builder
     */
    public B keyColumn(String name) {
        this.keyColumn = name(name, "keyColumn");
        this.keyTemplate = null;
        return self();
    }

    /**
     * Builds each row's key from a template over its columns: {@code user:{id}} puts the text of
     * column {@code id} (as a hash field would hold it) after {@code user:}. {@code {{} and
     * {@code }}} stand for literal braces. The columns named stay values too (exclude them to
     * leave them out). A row where a named column is null is an error. Replaces the key column.
     *
     * @param template the template, naming at least one column
     * @return this builder
     * @throws IllegalArgumentException when the template is malformed or names no column
     */
    public B keyTemplate(String template) {
        Objects.requireNonNull(template, "keyTemplate must not be null");
        KeyTemplate.parse(template);
        this.keyTemplate = template;
        return self();
    }

    /**
     * @param mode what to do with keys that exist; default {@link WriteMode#MERGE}
     * @return this builder
     */
    public B mode(WriteMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        return self();
    }

    /**
     * Sets the same TTL on every key written, in the same atomic unit as its values (milliseconds
     * are kept). Replaces a TTL column.
     *
     * @param ttl at least one millisecond
     * @return this builder
     */
    public B ttl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl must not be null");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms; got " + ttl);
        }
        this.ttl = ttl;
        this.ttlColumn = null;
        return self();
    }

    /**
     * Takes each key's TTL from an integer column, in seconds: a positive number sets it; null or
     * {@code -1} (what a scan's TTL column holds for a key without one) means no expiry, which
     * removes an existing TTL. The column is not written as a value. Replaces a fixed TTL.
     *
     * @param name the column
     * @return this builder
     */
    public B ttlColumn(String name) {
        this.ttlColumn = name(name, "ttlColumn");
        this.ttl = null;
        return self();
    }

    /**
     * @param parallel batches encoded or in flight at once, in {@code [1, 1024]}; default
     *        {@value #DEFAULT_PARALLEL}
     * @return this builder
     */
    public B parallel(int parallel) {
        if (parallel < 1 || parallel > WriteRequest.MAX_PARALLEL) {
            throw new IllegalArgumentException("parallel must be in [1, " + WriteRequest.MAX_PARALLEL + "]; got "
                    + parallel);
        }
        this.parallel = parallel;
        return self();
    }

    /**
     * @param policy what a key the server refuses does; default {@link WriteErrorPolicy#FAIL}
     * @return this builder
     */
    public B onWriteError(WriteErrorPolicy policy) {
        this.onWriteError = Objects.requireNonNull(policy, "policy must not be null");
        return self();
    }

    static String name(String name, String what) {
        Objects.requireNonNull(name, what + " must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return name;
    }
}
