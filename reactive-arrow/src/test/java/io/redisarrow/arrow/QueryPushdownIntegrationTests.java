package io.redisarrow.arrow;

import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushing a filter down to RediSearch selects what the same filter selects in Java: random hashes
 * (seeded) and random queries of tags, numeric ranges and and/or/not nested up to three deep, each
 * with its Java predicate; {@code search} with the query returns exactly the keys that a full
 * {@code scanHashes} filtered by the predicate keeps. Rerun a failure with {@code -Dquery.seed=<the seed in its message>}.
 */
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class QueryPushdownIntegrationTests extends ScanTestSupport {

    private static final int DOCUMENTS = 300;

    private static final int QUERIES = 200;

    /** Stored tags: query syntax, case variants, values differing by one character. */
    private static final List<String> STORED_TAGS = List.of("red", "Blue", "blue", "a-b", "a.b", "a b", "ab", "x\\",
            "{}", "|", "550e8400-e29b", "ÅSE", "åse", "😀", "_", "inf", "1.5", "-1", "q\"", "*", "$x", "@y", "(z)");

    /** Tags queried: the stored ones and some no document holds. */
    private static final List<String> QUERIED_TAGS;

    static {
        List<String> queried = new ArrayList<>(STORED_TAGS);
        queried.addAll(List.of("green", "a-", "550e8400", "RED", "x\\\\", "1", "åse😀"));
        QUERIED_TAGS = List.copyOf(queried);
    }

    /** Stored numbers, as stored. */
    private static final List<String> STORED_NUMBERS = List.of("-10", "-2.5", "-1", "0", "0.5", "1", "2", "3.75", "10",
            "1e6", "-0.0", "0.1");

    /** Bounds queried: the stored numbers and others. */
    private static final double[] BOUNDS = { -10, -2.5, -1, 0, 0.5, 1, 2, 3.75, 10, 1e6, 0.1, -0.0, 1.5, -3, 0.25, 1e7,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY };

    /** A stored hash as Java sees it: lower-cased tags, numbers or null. */
    private record Document(String key, Set<String> tags, Double n, Double m) {
    }

    /** A query with what it should select. */
    private record Case(Query query, Predicate<Document> selects) {
    }

    @Test
    void builtQueriesSelectWhatTheirJavaPredicatesSelect() {
        long seed = Long.getLong("query.seed", System.nanoTime());
        Random random = new Random(seed);
        try (QueryTestIndex index = QueryTestIndex.create(commands(), prefix + "idx", "ON", "HASH", "PREFIX", "1", prefix,
                "SCHEMA", "t", "TAG", "n", "NUMERIC", "m", "NUMERIC")) {
            load(random);
            index.awaitDocuments(DOCUMENTS);
            List<Document> documents = scan();
            assertThat(documents).hasSize(DOCUMENTS);

            for (int i = 0; i < QUERIES; i++) {
                Case generated = query(random, 3);
                Set<String> expected = new TreeSet<>();
                documents.stream().filter(generated.selects()).forEach(d -> expected.add(d.key()));
                String context = String.format(Locale.ROOT, "seed %d (-Dquery.seed=%d), query %d: %s", seed, seed, i,
                        generated.query());
                Set<String> found = new TreeSet<>();
                try {
                    Rows.collect(redis.search(SearchQuery.builder().index(prefix + "idx").query(generated.query())
                            .schema(SCHEMA).returnFields("id").batchSize(64).build()))
                            .forEach(row -> found.add((String) row.get("_key")));
                } catch (RuntimeException e) {
                    throw new AssertionError(context + " failed: " + e.getMessage(), e);
                }
                assertThat(found).as(context).isEqualTo(expected);
            }
        }
    }

    /** The schema of the stored hashes. */
    private static final org.apache.arrow.vector.types.pojo.Schema SCHEMA = new org.apache.arrow.vector.types.pojo.Schema(
            List.of(utf8("t"), float64("n"), float64("m"), utf8("id")));

    private static org.apache.arrow.vector.types.pojo.Field utf8(String name) {
        return new org.apache.arrow.vector.types.pojo.Field(name, org.apache.arrow.vector.types.pojo.FieldType
                .nullable(org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE), null);
    }

    private static org.apache.arrow.vector.types.pojo.Field float64(String name) {
        return new org.apache.arrow.vector.types.pojo.Field(name, org.apache.arrow.vector.types.pojo.FieldType.nullable(
                new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(
                        org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)), null);
    }

    /**
     * @return every stored hash as a full scan reads it, as Java sees it: the TAG field split at
     *         commas, trimmed and lower-cased, as RediSearch indexes it
     */
    private List<Document> scan() {
        List<Document> documents = new ArrayList<>();
        for (Map<String, Object> row : Rows.collect(redis.scanHashes(HashScan.builder().pattern(prefix + "*")
                .schema(SCHEMA).build()))) {
            Set<String> tags = new LinkedHashSet<>();
            if (row.get("t") != null) {
                for (String tag : ((String) row.get("t")).split(",")) {
                    if (!tag.trim().isEmpty()) {
                        tags.add(lower(tag.trim()));
                    }
                }
            }
            documents.add(new Document((String) row.get("_key"), tags, (Double) row.get("n"), (Double) row.get("m")));
        }
        return documents;
    }

    private void load(Random random) {
        for (int i = 0; i < DOCUMENTS; i++) {
            Map<String, String> fields = new HashMap<>();
            Set<String> tags = new LinkedHashSet<>();
            int tagCount = random.nextInt(4);
            for (int j = 0; j < tagCount; j++) {
                tags.add(STORED_TAGS.get(random.nextInt(STORED_TAGS.size())));
            }
            if (!tags.isEmpty()) {
                fields.put("t", String.join(",", tags));
            }
            number(random, 0.8, fields, "n");
            number(random, 0.6, fields, "m");
            fields.put("id", Integer.toString(i));
            hset(prefix + i, fields);
        }
    }

    private static Double number(Random random, double presence, Map<String, String> fields, String field) {
        if (random.nextDouble() >= presence) {
            return null;
        }
        String stored = STORED_NUMBERS.get(random.nextInt(STORED_NUMBERS.size()));
        fields.put(field, stored);
        return Double.parseDouble(stored);
    }

    private static Case query(Random random, int depth) {
        if (depth == 0 || random.nextInt(10) < 3) {
            return leaf(random);
        }
        switch (random.nextInt(3)) {
            case 0: {
                List<Case> parts = parts(random, depth);
                return new Case(Query.allOf(parts.stream().map(Case::query).toArray(Query[]::new)),
                        d -> parts.stream().allMatch(p -> p.selects().test(d)));
            }
            case 1: {
                List<Case> parts = parts(random, depth);
                return new Case(Query.anyOf(parts.stream().map(Case::query).toArray(Query[]::new)),
                        d -> parts.stream().anyMatch(p -> p.selects().test(d)));
            }
            default: {
                Case negated = query(random, depth - 1);
                while (negated.query().equals(Query.all())) {
                    negated = query(random, depth - 1);
                }
                Case inner = negated;
                return new Case(inner.query().not(), d -> !inner.selects().test(d));
            }
        }
    }

    private static List<Case> parts(Random random, int depth) {
        List<Case> parts = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            parts.add(query(random, depth - 1));
        }
        return parts;
    }

    private static Case leaf(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return new Case(Query.all(), d -> true);
        }
        if (kind < 9) {
            List<String> values = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                values.add(QUERIED_TAGS.get(random.nextInt(QUERIED_TAGS.size())));
            }
            Set<String> lowered = new LinkedHashSet<>();
            values.forEach(v -> lowered.add(lower(v)));
            return new Case(Query.tag("t").in(values), d -> d.tags().stream().anyMatch(lowered::contains));
        }
        boolean onN = random.nextBoolean();
        Query.Numeric field = Query.numeric(onN ? "n" : "m");
        double a = BOUNDS[random.nextInt(BOUNDS.length)];
        double b = BOUNDS[random.nextInt(BOUNDS.length)];
        double lower = Math.min(a, b);
        double upper = Math.max(a, b);
        boolean lowerIncluded = random.nextBoolean();
        boolean upperIncluded = random.nextBoolean();
        boolean asLong = random.nextBoolean() && lower == Math.rint(lower) && upper == Math.rint(upper)
                && Double.isFinite(lower) && Double.isFinite(upper);
        Query query;
        switch (random.nextInt(7)) {
            case 0:
                query = asLong ? field.between((long) lower, (long) upper) : field.between(lower, upper);
                lowerIncluded = true;
                upperIncluded = true;
                break;
            case 1:
                query = asLong ? field.greaterThan((long) lower) : field.greaterThan(lower);
                lowerIncluded = false;
                upper = Double.POSITIVE_INFINITY;
                upperIncluded = true;
                break;
            case 2:
                query = asLong ? field.atLeast((long) lower) : field.atLeast(lower);
                lowerIncluded = true;
                upper = Double.POSITIVE_INFINITY;
                upperIncluded = true;
                break;
            case 3:
                query = asLong ? field.lessThan((long) upper) : field.lessThan(upper);
                lower = Double.NEGATIVE_INFINITY;
                lowerIncluded = true;
                upperIncluded = false;
                break;
            case 4:
                query = asLong ? field.atMost((long) upper) : field.atMost(upper);
                lower = Double.NEGATIVE_INFINITY;
                lowerIncluded = true;
                upperIncluded = true;
                break;
            case 5:
                query = asLong ? field.equalTo((long) lower) : field.equalTo(lower);
                upper = lower;
                lowerIncluded = true;
                upperIncluded = true;
                break;
            default:
                query = asLong ? field.range((long) lower, lowerIncluded, (long) upper, upperIncluded)
                        : field.range(lower, lowerIncluded, upper, upperIncluded);
                break;
        }
        double lo = lower;
        double hi = upper;
        boolean loIn = lowerIncluded;
        boolean hiIn = upperIncluded;
        return new Case(query, d -> {
            Double v = onN ? d.n() : d.m();
            return v != null && (loIn ? v >= lo : v > lo) && (hiIn ? v <= hi : v < hi);
        });
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
