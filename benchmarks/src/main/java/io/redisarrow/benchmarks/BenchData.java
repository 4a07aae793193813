package io.redisarrow.benchmarks;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's data set: N hashes {@code bench:user:<12-digit i>} (the key form
 * redis-benchmark's {@code __rand_int__} produces) with ten fields of strings, integers, floats,
 * booleans, dates and timestamps, generated from a fixed seed, and the Arrow schema they are read
 * with.
 */
final class BenchData {

    /** SCAN MATCH pattern of every benchmark hash. */
    static final String PATTERN = "bench:user:*";

    /** Key holding {@link #markerValue(int)} once a load completed. */
    static final String MARKER = "bench:loaded";

    /** Seed of the generator; changing it (or the generator) must change {@link #markerValue(int)}. */
    static final long SEED = 20261124L;

    static final String[] FIELDS = { "name", "email", "age", "score", "active", "joined", "city", "balance", "visits",
            "updated" };

    static final Schema SCHEMA = new Schema(List.of(
            field("name", ArrowType.Utf8.INSTANCE),
            field("email", ArrowType.Utf8.INSTANCE),
            field("age", new ArrowType.Int(32, true)),
            field("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("active", ArrowType.Bool.INSTANCE),
            field("joined", new ArrowType.Date(DateUnit.DAY)),
            field("city", ArrowType.Utf8.INSTANCE),
            field("balance", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("visits", new ArrowType.Int(64, true)),
            field("updated", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"))));

    private static final String[] BOOLEANS = { "yes", "no", "true", "false" };

    private static final String[] CITIES = { "Amsterdam", "Berlin", "Chicago", "Dublin", "Lisbon", "Madrid", "Nairobi",
            "Osaka", "Paris", "Quito", "Seoul", "Toronto" };

    private static final LocalDate EPOCH = LocalDate.of(2010, 1, 1);

    private BenchData() {
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    /** @return the key of hash {@code i}, zero-padded to 12 digits like redis-benchmark's {@code __rand_int__} */
    static String key(long i) {
        return String.format(Locale.ROOT, "bench:user:%012d", i);
    }

    /** @return the marker value of a completed load of {@code n} hashes of this generator */
    static String markerValue(int n) {
        return "v2 seed=" + SEED + " n=" + n;
    }

    /** @return a generator of the hashes in key order, deterministic for {@link #SEED} */
    static Generator generator() {
        return new Generator(new Random(SEED));
    }

    /** Produces the field values of hash 0, 1, 2, ... in order. */
    static final class Generator {

        private final Random random;

        private Generator(Random random) {
            this.random = random;
        }

        /** @return the ten fields of hash {@code i}; call with i = 0, 1, 2, ... */
        Map<String, String> next(int i) {
            Map<String, String> user = new LinkedHashMap<>(16);
            user.put("name", "user-" + Integer.toString(1_000_000 + i, 36));
            user.put("email", "user" + i + "@example.com");
            user.put("age", Integer.toString(18 + random.nextInt(70)));
            user.put("score", Double.toString(Math.round(random.nextDouble() * 1_000_000) / 1000.0));
            user.put("active", BOOLEANS[random.nextInt(BOOLEANS.length)]);
            user.put("joined", EPOCH.plusDays(random.nextInt(5000)).toString());
            user.put("city", CITIES[random.nextInt(CITIES.length)]);
            user.put("balance", random.nextInt(100_000) + "." + two(random.nextInt(100)));
            user.put("visits", Long.toString(random.nextLong() & 0xff_ffff_ffffL));
            user.put("updated", "2024-" + two(1 + random.nextInt(12)) + '-' + two(1 + random.nextInt(28)) + 'T'
                    + two(random.nextInt(24)) + ':' + two(random.nextInt(60)) + ':' + two(random.nextInt(60)) + '.'
                    + String.format(Locale.ROOT, "%03d", random.nextInt(1000)) + 'Z');
            return user;
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }
    }
}
