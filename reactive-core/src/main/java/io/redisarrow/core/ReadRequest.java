package io.redisarrow.core;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What to read from a keyspace, whatever the data type: where the keys come from (SCAN MATCH,
 * COUNT and TYPE), how many go into one pipelined round trip, how many round trips may be in
 * flight, how many rows at most, whether each row carries its TTL, and what to fetch per key
 * ({@link ValueRead}: the data type's own part). Immutable; built by a front end such as
 * {@code reactive-arrow}'s {@code HashScan}.
 */
public final class ReadRequest {

    /** The largest SCAN COUNT chosen when none is set. */
    public static final int MAX_AUTO_COUNT_HINT = 100_000;

    /**
     * The largest {@code batchSize}: one batch's raw values live in one Java array, so the
     * product of rows and columns must stay far from {@link Integer#MAX_VALUE}.
     */
    public static final int MAX_BATCH_SIZE = 1_000_000;

    private final String pattern;

    private final int countHint;

    private final boolean countHintSet;

    private final int batchSize;

    private final int parallel;

    private final ValueRead values;

    private final boolean withTtl;

    private final long limit;

    private final TypeFilter typeFilter;

    private final @Nullable ScanCheckpoint resumeFrom;

    private ReadRequest(Builder builder) {
        this.pattern = builder.pattern;
        this.countHintSet = builder.countHint > 0;
        this.countHint = countHintSet ? builder.countHint
                : (int) Math.min(MAX_AUTO_COUNT_HINT, (long) builder.batchSize * builder.parallel);
        this.batchSize = builder.batchSize;
        this.parallel = builder.parallel;
        this.values = builder.values;
        this.withTtl = builder.withTtl;
        this.limit = builder.limit;
        this.typeFilter = builder.typeFilter;
        this.resumeFrom = builder.resumeFrom;
    }

    /** @return a builder with pattern {@code *}, batches of 1000 keys and one round trip in flight */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the SCAN MATCH glob */
    public String pattern() {
        return pattern;
    }

    /** @return the SCAN COUNT hint: as set, else {@code batchSize x parallel} */
    public int countHint() {
        return countHint;
    }

    /** @return whether {@link #countHint()} was set rather than chosen */
    public boolean countHintSet() {
        return countHintSet;
    }

    /** @return keys per pipelined round trip, also the maximum rows per batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return pipelined round trips in flight */
    public int parallel() {
        return parallel;
    }

    /** @return what to fetch per key: the data type's part of the request */
    public ValueRead values() {
        return values;
    }

    /** @return whether each row carries the key's TTL */
    public boolean withTtl() {
        return withTtl;
    }

    /** @return maximum rows to produce, or {@link Long#MAX_VALUE} */
    public long limit() {
        return limit;
    }

    /** @return whether SCAN asks the server for keys of {@link ValueRead#keyType()} only (SCAN TYPE) */
    public TypeFilter typeFilter() {
        return typeFilter;
    }

    /** @return the checkpoint the scan continues from, or null for a scan from the start */
    public @Nullable ScanCheckpoint resumeFrom() {
        return resumeFrom;
    }

    /**
     * @param values what to fetch per key instead
     * @return a copy of this request that fetches {@code values}
     */
    public ReadRequest withValues(ValueRead values) {
        return new Builder().pattern(pattern).countHint(countHint).batchSize(batchSize).parallel(parallel)
                .values(values).withTtl(withTtl).limit(limit).typeFilter(typeFilter).resumeFrom(resumeFrom)
                .build(countHintSet);
    }

    @Override
    public String toString() {
        return "ReadRequest{pattern='" + pattern + "', countHint=" + countHint + ", batchSize=" + batchSize
                + ", parallel=" + parallel + ", values=" + values + ", withTtl=" + withTtl + ", limit=" + limit
                + ", typeFilter=" + typeFilter + (resumeFrom == null ? "" : ", resumeFrom=" + resumeFrom) + '}';
    }

    /** Builder of {@link ReadRequest}; setters validate eagerly. */
    public static final class Builder {

        private String pattern = "*";

        private int countHint;

        private int batchSize = 1000;

        private int parallel = 1;

        private ValueRead values;

        private boolean withTtl;

        private long limit = Long.MAX_VALUE;

        private TypeFilter typeFilter = TypeFilter.AUTO;

        private @Nullable ScanCheckpoint resumeFrom;

        private Builder() {
        }

        /**
         * @param pattern SCAN MATCH glob
         * @return this builder
         */
        public Builder pattern(String pattern) {
            Objects.requireNonNull(pattern, "pattern must not be null");
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("pattern must not be empty");
            }
            this.pattern = pattern;
            return this;
        }

        /**
         * @param countHint SCAN COUNT; when not set, {@code batchSize x parallel} (at most
         *        {@link #MAX_AUTO_COUNT_HINT}), so that one SCAN round trip yields keys for every
         *        pipeline: SCAN pages come one round trip after another, which bounds a scan to
         *        COUNT keys per round trip
         * @return this builder
         */
        public Builder countHint(int countHint) {
            if (countHint < 1) {
                throw new IllegalArgumentException("countHint must be >= 1");
            }
            this.countHint = countHint;
            return this;
        }

        /**
         * @param batchSize keys per round trip, between 1 and {@link #MAX_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH_SIZE);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param parallel round trips in flight
         * @return this builder
         */
        public Builder parallel(int parallel) {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel must be >= 1");
            }
            this.parallel = parallel;
            return this;
        }

        /**
         * @param values what to fetch per key; required
         * @return this builder
         */
        public Builder values(ValueRead values) {
            this.values = Objects.requireNonNull(values, "values must not be null");
            return this;
        }

        /**
         * @param withTtl whether to fetch each key's TTL in the same round trip
         * @return this builder
         */
        public Builder withTtl(boolean withTtl) {
            this.withTtl = withTtl;
            return this;
        }

        /**
         * @param limit maximum rows, {@code >= 0}
         * @return this builder
         */
        public Builder limit(long limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0");
            }
            this.limit = limit;
            return this;
        }

        /**
         * @param typeFilter whether SCAN sends TYPE of the values' key type
         * @return this builder
         */
        public Builder typeFilter(TypeFilter typeFilter) {
            this.typeFilter = Objects.requireNonNull(typeFilter, "typeFilter must not be null");
            return this;
        }

        /**
         * @param checkpoint where an earlier scan of the same pattern stood (from a batch it
         *        delivered), or null to scan from the start; see {@link ScanCheckpoint}
         * @return this builder
         */
        public Builder resumeFrom(@Nullable ScanCheckpoint checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException when the values are not set, or the checkpoint was taken
         *         from a scan of another pattern
         */
        public ReadRequest build() {
            if (values == null) {
                throw new IllegalArgumentException("values must be set");
            }
            if (resumeFrom != null && !resumeFrom.pattern().equals(pattern)) {
                throw new IllegalArgumentException("the checkpoint was taken from a scan of pattern '"
                        + resumeFrom.pattern() + "', not '" + pattern + "': resume a scan with its own checkpoint");
            }
            return new ReadRequest(this);
        }

        private ReadRequest build(boolean countHintSet) {
            if (!countHintSet) {
                countHint = 0;
            }
            return build();
        }
    }
}
