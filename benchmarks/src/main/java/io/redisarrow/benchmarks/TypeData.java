package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One data set of the types scenario: N elements of one Redis type, either over small keys of
 * {@value #PER_KEY} elements each (strings: N keys of one value) or in one big key, with values
 * from a fixed seed, and the RESP commands that load it through {@code redis-cli --pipe}.
 *
 * <p>Values: a string is a price with two decimals ({@code 4711.05}); set, list and sorted-set
 * members are 8 to 16 bytes ({@code qhzkwe-2n9}, unique within the data set); scores are doubles;
 * a stream entry has an explicit id ({@value #FIRST_ID_MS}{@code  + i}, sequence 0) and three
 * fields: {@code user} (a long), {@code price} (a double) and {@code sym} (a short string).
 *
 * @param kind the Redis type
 * @param shape small keys or one big key
 * @param elements N, the elements (stream entries, string values) of the data set
 */
record TypeData(Kind kind, Shape shape, int elements) {

    /** Every key of the scenario starts with this. */
    static final String PREFIX = "bench:t:";

    /** Elements per small key. */
    static final int PER_KEY = 10;

    /** Members per SADD, RPUSH or ZADD command loading a big key. */
    static final int CHUNK = 1000;

    /** The generator's seed; every data set derives its own from it. */
    static final long SEED = 20261206L;

    /** Milliseconds of the first stream entry id of each stream. */
    static final long FIRST_ID_MS = 1_700_000_000_000L;

    /** The stream entries' fields, in the order they are written. */
    static final List<String> STREAM_FIELDS = List.of("user", "price", "sym");

    private static final String[] SYMBOLS = { "AAPL", "MSFT", "NVDA", "SAP", "ASML", "TSLA", "KO", "IBM", "BABA", "SONY" };

    private static final byte[] SET = ascii("SET");

    private static final byte[] SADD = ascii("SADD");

    private static final byte[] RPUSH = ascii("RPUSH");

    private static final byte[] ZADD = ascii("ZADD");

    private static final byte[] XADD = ascii("XADD");

    /** The Redis types measured, in report order. */
    enum Kind {
        /** String keys, one value each: SCAN TYPE string + MGET. */
        STRINGS("string", "strings"),
        /** Sets: SMEMBERS, or SSCAN for a big one. */
        SETS("set", "sets"),
        /** Lists: LRANGE. */
        LISTS("list", "lists"),
        /** Sorted sets: ZRANGE ... WITHSCORES. */
        SORTED_SETS("zset", "sorted sets"),
        /** Streams: XRANGE. */
        STREAMS("stream", "streams");

        final String typeName;

        final String label;

        Kind(String typeName, String label) {
            this.typeName = typeName;
            this.label = label;
        }

        /**
         * @return whether a big key is measured: not for strings, whose one big value would be one
         *         row (the {@code large} scenario reads 10 and 100 MB values)
         */
        boolean hasBigKey() {
            return this != STRINGS;
        }
    }

    /** How the elements are spread over keys. */
    enum Shape {
        /** {@value TypeData#PER_KEY} elements per key (strings: one value per key). */
        SMALL_KEYS("small keys"),
        /** Every element in one key. */
        BIG_KEY("one big key");

        final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    /**
     * @throws IllegalArgumentException when {@code elements < 1} or a big key of strings is asked
     */
    TypeData {
        if (elements < 1) {
            throw new IllegalArgumentException("elements must be at least 1, not " + elements);
        }
        if (shape == Shape.BIG_KEY && !kind.hasBigKey()) {
            throw new IllegalArgumentException("strings have no big-key data set (one value is one row)");
        }
    }

    /**
     * @param elements N
     * @return every data set of the scenario in report order: per type, small keys, then the big key
     */
    static List<TypeData> all(int elements) {
        List<TypeData> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            all.add(new TypeData(kind, Shape.SMALL_KEYS, elements));
            if (kind.hasBigKey()) {
                all.add(new TypeData(kind, Shape.BIG_KEY, elements));
            }
        }
        return all;
    }

    /** @return the SCAN MATCH pattern of this data set's keys, and of no other data set's */
    String pattern() {
        return shape == Shape.BIG_KEY ? key(0) : PREFIX + kind.typeName + ":s:*";
    }

    /** @return how many keys hold the elements */
    int keys() {
        if (shape == Shape.BIG_KEY) {
            return 1;
        }
        return kind == Kind.STRINGS ? elements : (elements + PER_KEY - 1) / PER_KEY;
    }

    /** @return the name of key {@code k}, {@code 0 <= k < keys()} */
    String key(int k) {
        return shape == Shape.BIG_KEY ? PREFIX + kind.typeName + ":big"
                : String.format(Locale.ROOT, "%s%s:s:%09d", PREFIX, kind.typeName, k);
    }

    /** @return how many commands {@link #write} writes */
    long commands() {
        return switch (kind) {
            case STRINGS, STREAMS -> elements;
            case SETS, LISTS, SORTED_SETS -> (elements + group() - 1) / group();
        };
    }

    /** @return a short description for the report, such as {@code sets, 100,000 keys x 10} */
    String label() {
        return shape == Shape.BIG_KEY ? String.format(Locale.ROOT, "%s, one key of %,d", kind.label, elements)
                : kind == Kind.STRINGS ? String.format(Locale.ROOT, "%s, %,d keys", kind.label, elements)
                : String.format(Locale.ROOT, "%s, %,d keys x %d", kind.label, keys(), PER_KEY);
    }

    /**
     * Writes the commands that load the data set: SET per string key; SADD, RPUSH or ZADD per small
     * key, or per {@value #CHUNK} members of the big key; XADD per stream entry.
     *
     * @param out where the commands go
     * @throws IOException when writing fails
     */
    void write(DataLoader.Resp out) throws IOException {
        Values values = new Values(new Random(SEED * 31 + kind.ordinal() * 2L + shape.ordinal()));
        switch (kind) {
            case STRINGS -> {
                for (int k = 0; k < elements; k++) {
                    out.array(3).bulk(SET).bulk(key(k)).bulk(values.price());
                }
            }
            case SETS, LISTS, SORTED_SETS -> {
                byte[] command = kind == Kind.SETS ? SADD : kind == Kind.LISTS ? RPUSH : ZADD;
                int perMember = kind == Kind.SORTED_SETS ? 2 : 1;
                int group = group();
                for (int first = 0; first < elements; first += group) {
                    int last = Math.min(elements, first + group);
                    out.array(2 + perMember * (last - first)).bulk(command).bulk(key(first / group));
                    for (int i = first; i < last; i++) {
                        if (kind == Kind.SORTED_SETS) {
                            out.bulk(values.score());
                        }
                        out.bulk(values.member(i));
                    }
                }
            }
            case STREAMS -> {
                for (int i = 0; i < elements; i++) {
                    int k = shape == Shape.BIG_KEY ? 0 : i / PER_KEY;
                    int entry = shape == Shape.BIG_KEY ? i : i % PER_KEY;
                    out.array(9).bulk(XADD).bulk(key(k)).bulk((FIRST_ID_MS + entry) + "-0")
                            .bulk(STREAM_FIELDS.get(0)).bulk(values.user())
                            .bulk(STREAM_FIELDS.get(1)).bulk(values.price())
                            .bulk(STREAM_FIELDS.get(2)).bulk(values.symbol());
                }
            }
        }
    }

    /** @return elements per loading command of a set, list or sorted set */
    private int group() {
        return shape == Shape.BIG_KEY ? CHUNK : PER_KEY;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The element values, drawn in element order from one generator. */
    private static final class Values {

        private final Random random;

        private Values(Random random) {
            this.random = random;
        }

        /**
         * @return 8 to 16 bytes: lower-case letters, a dash, then {@code i} in base 36, so members
         *         differ for different {@code i}
         */
        String member(int i) {
            String id = Integer.toString(i, 36);
            int length = 8 + random.nextInt(9);
            StringBuilder member = new StringBuilder(length);
            for (int c = 0; c < length - id.length() - 1; c++) {
                member.append((char) ('a' + random.nextInt(26)));
            }
            return member.append('-').append(id).toString();
        }

        /** @return a price with two decimals, 0.00 to 99,999.99 */
        String price() {
            int cents = random.nextInt(100);
            return random.nextInt(100_000) + (cents < 10 ? ".0" : ".") + cents;
        }

        /** @return a double score, as Java prints it */
        String score() {
            return Double.toString((random.nextDouble() - 0.5) * 2e6);
        }

        String user() {
            return Long.toString(1 + random.nextInt(1_000_000_000));
        }

        String symbol() {
            return SYMBOLS[random.nextInt(SYMBOLS.length)];
        }
    }
}
