package io.redisarrow.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What to read from a keyspace of hashes: the key source (SCAN MATCH/COUNT/TYPE), the fields to
 * fetch, how many keys go into one pipelined round trip, and how many round trips may be in
 * flight. Immutable; built by a front end such as {@code reactive-arrow}'s {@code HashScan}.
 */
public final class HashRead {

    /** The largest SCAN COUNT chosen when none is set. */
    public static final int MAX_AUTO_COUNT_HINT = 100_000;

    private final String pattern;

    private final int countHint;

    private final int batchSize;

    private final int parallel;

    private final List<byte[]> fields;

    private final boolean projected;

    private final boolean withTtl;

    private final long limit;

    private final boolean typeFilter;

    private HashRead(Builder builder) {
        this.pattern = builder.pattern;
        this.countHint = builder.countHint > 0 ? builder.countHint
                : (int) Math.min(MAX_AUTO_COUNT_HINT, (long) builder.batchSize * builder.parallel);
        this.batchSize = builder.batchSize;
        this.parallel = builder.parallel;
        this.fields = Collections.unmodifiableList(new ArrayList<>(builder.fields));
        this.projected = builder.projected;
        this.withTtl = builder.withTtl;
        this.limit = builder.limit;
        this.typeFilter = builder.typeFilter;
    }

    /** @return a builder with no fields, pattern {@code *} and batches of 1000 keys */
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

    /** @return keys per pipelined round trip, also the maximum rows per batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return pipelined round trips in flight */
    public int parallel() {
        return parallel;
    }

    /**
     * The fields whose values become the batch's columns, in column order. With
     * {@link #projected()} they are fetched with HMGET; otherwise HGETALL is sent and fields not
     * listed here are ignored.
     *
     * @return field names as bytes (do not modify)
     */
    public List<byte[]> fields() {
        return fields;
    }

    /** @return whether only {@link #fields()} are fetched (HMGET) rather than whole hashes (HGETALL) */
    public boolean projected() {
        return projected;
    }

    /** @return whether each row carries the key's TTL */
    public boolean withTtl() {
        return withTtl;
    }

    /** @return maximum rows to produce, or {@link Long#MAX_VALUE} */
    public long limit() {
        return limit;
    }

    /** @return whether SCAN asks the server for hashes only (TYPE hash) */
    public boolean typeFilter() {
        return typeFilter;
    }

    @Override
    public String toString() {
        return "HashRead{pattern='" + pattern + "', countHint=" + countHint + ", batchSize=" + batchSize
                + ", parallel=" + parallel + ", fields=" + fields.size() + ", projected=" + projected
                + ", withTtl=" + withTtl + ", limit=" + limit + ", typeFilter=" + typeFilter + '}';
    }

    /** Builder of {@link HashRead}; setters validate eagerly. */
    public static final class Builder {

        private String pattern = "*";

        private int countHint;

        private int batchSize = 1000;

        private int parallel = 1;

        private final List<byte[]> fields = new ArrayList<>();

        private boolean projected;

        private boolean withTtl;

        private long limit = Long.MAX_VALUE;

        private boolean typeFilter = true;

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
         * @param batchSize keys per round trip
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1");
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
         * @param name a field to read, as UTF-8
         * @return this builder
         */
        public Builder field(String name) {
            Objects.requireNonNull(name, "field must not be null");
            fields.add(name.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Forgets the fields added so far, so the builder can be reused.
         *
         * @return this builder
         */
        public Builder clearFields() {
            fields.clear();
            return this;
        }

        /**
         * @param projected {@code true}: HMGET only the fields; {@code false}: HGETALL
         * @return this builder
         */
        public Builder projected(boolean projected) {
            this.projected = projected;
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
         * @param typeFilter {@code true}: SCAN ... TYPE hash; {@code false}: no TYPE, keys of other
         *        types are dropped when their fetch answers WRONGTYPE
         * @return this builder
         */
        public Builder typeFilter(boolean typeFilter) {
            this.typeFilter = typeFilter;
            return this;
        }

        /** @return the request */
        public HashRead build() {
            if (projected && fields.isEmpty()) {
                throw new IllegalArgumentException("a projected read needs at least one field");
            }
            return new HashRead(this);
        }
    }
}
