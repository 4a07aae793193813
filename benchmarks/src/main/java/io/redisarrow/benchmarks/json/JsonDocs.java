package io.redisarrow.benchmarks.json;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The JSON benchmarks' data set: N documents {@code bench:doc:<12-digit i>} (the key form
 * redis-benchmark's {@code __rand_int__} produces) of ten top-level members, generated from a fixed
 * seed as compact JSON text, and the Arrow schema they are read with. The members: {@code name}
 * (string, some non-ASCII), {@code age} (int), {@code visits} (long), {@code score} (float, null in
 * about 2 % of documents), {@code active} (boolean), {@code updated} (ISO-8601 timestamp string),
 * {@code balance} (a number with two decimals, read as a Decimal), {@code address} (an object of
 * {@code city}, {@code zip} and {@code floor}, the floor missing in about 10 %), {@code tags} (0 to 4
 * strings) and {@code items} (0 to 3 objects of {@code sku} and {@code qty}).
 */
public final class JsonDocs {

    /** What every document's key starts with, before its 12-digit index. */
    public static final String KEY_PREFIX = "bench:doc:";

    /** SCAN MATCH pattern of every benchmark document. */
    public static final String PATTERN = KEY_PREFIX + "*";

    /** Key holding {@link #markerValue(int)} once a load completed; outside {@link #PATTERN}, so no reader meets it. */
    public static final String MARKER = "bench:json-loaded";

    /** Seed of the generator; changing it (or the generator) must change {@link #markerValue(int)}. */
    public static final long SEED = 20261206L;

    /** The top-level members of every document, in schema order. */
    public static final List<String> MEMBERS = List.of("name", "age", "visits", "score", "active", "updated",
            "balance", "address", "tags", "items");

    /** The members of {@code address}. */
    public static final List<String> ADDRESS_MEMBERS = List.of("city", "zip", "floor");

    /** The members of each object in {@code items}. */
    public static final List<String> ITEM_MEMBERS = List.of("sku", "qty");

    /** The two top-level members the projection scenario reads. */
    public static final List<String> PROJECTED = List.of("name", "score");

    /** Decimal scale of {@code balance}. */
    public static final int BALANCE_SCALE = 2;

    /** The schema every document is read with: one field per member, nested Struct and List included. */
    public static final Schema SCHEMA = new Schema(List.of(
            field("name", ArrowType.Utf8.INSTANCE),
            field("age", new ArrowType.Int(32, true)),
            field("visits", new ArrowType.Int(64, true)),
            field("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("active", ArrowType.Bool.INSTANCE),
            field("updated", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
            field("balance", new ArrowType.Decimal(12, BALANCE_SCALE, 128)),
            new Field("address", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                    field("city", ArrowType.Utf8.INSTANCE),
                    field("zip", ArrowType.Utf8.INSTANCE),
                    field("floor", new ArrowType.Int(32, true)))),
            new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(field("item", ArrowType.Utf8.INSTANCE))),
            new Field("items", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
                    new Field("item", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                            field("sku", ArrowType.Utf8.INSTANCE),
                            field("qty", new ArrowType.Int(32, true))))))));

    /** The schema of the path scenario: two values nested in {@code address}, at {@link #PATHS}. */
    public static final Schema PATH_SCHEMA = new Schema(List.of(field("city", ArrowType.Utf8.INSTANCE),
            field("zip", ArrowType.Utf8.INSTANCE)));

    /** The JSONPath of each {@link #PATH_SCHEMA} field, in field order. */
    public static final List<String> PATHS = List.of("$.address.city", "$.address.zip");

    private static final String[] CITIES = { "Amsterdam", "Berlin", "Chicago", "Dublin", "Kraków", "Lisbon", "Madrid",
        "Nairobi", "Osaka", "Paris", "Quito", "São Paulo", "Seoul", "Toronto", "Zürich" };

    private static final String[] TAGS = { "new", "vip", "beta", "churn-risk", "newsletter", "mobile", "web", "partner" };

    private JsonDocs() {
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    /** @return the key of document {@code i}, zero-padded to 12 digits like redis-benchmark's {@code __rand_int__} */
    public static String key(long i) {
        return KEY_PREFIX + String.format(Locale.ROOT, "%012d", i);
    }

    /** @return the marker value of a completed load of {@code n} documents of this generator */
    public static String markerValue(int n) {
        return "json v1 seed=" + SEED + " n=" + n;
    }

    /**
     * @param document a document's JSON text
     * @return the UTF-8 bytes of the reply to {@code JSON.GET key $}: the document in a one-element array
     */
    public static byte[] reply(String document) {
        return ("[" + document + "]").getBytes(StandardCharsets.UTF_8);
    }

    /** @return a generator of the documents in key order, deterministic for {@link #SEED} */
    public static Generator generator() {
        return new Generator(new Random(SEED));
    }

    /** Produces the JSON text of document 0, 1, 2, ... in order, compact, as the server returns it. */
    public static final class Generator {

        private final Random random;

        private final StringBuilder out = new StringBuilder(512);

        private Generator(Random random) {
            this.random = random;
        }

        /**
         * @param i the document's index; call with i = 0, 1, 2, ...
         * @return the document's JSON text, members in {@link #MEMBERS} order (none needs escaping)
         */
        public String next(int i) {
            out.setLength(0);
            out.append("{\"name\":\"user-").append(Integer.toString(1_000_000 + i, 36));
            if (random.nextInt(20) == 0) {
                out.append("-ø");
            }
            out.append("\",\"age\":").append(18 + random.nextInt(70));
            out.append(",\"visits\":").append(random.nextLong() & 0xff_ffff_ffffL);
            out.append(",\"score\":");
            if (random.nextInt(50) == 0) {
                out.append("null");
            } else {
                out.append(Math.round(random.nextDouble() * 1_000_000) / 1000.0);
            }
            out.append(",\"active\":").append(random.nextBoolean());
            out.append(",\"updated\":\"2024-").append(two(1 + random.nextInt(12))).append('-')
                    .append(two(1 + random.nextInt(28))).append('T').append(two(random.nextInt(24))).append(':')
                    .append(two(random.nextInt(60))).append(':').append(two(random.nextInt(60))).append('.')
                    .append(String.format(Locale.ROOT, "%03d", random.nextInt(1000))).append("Z\"");
            int cents = random.nextInt(10_000_000);
            out.append(",\"balance\":").append(cents / 100).append('.').append(two(cents % 100));
            out.append(",\"address\":{\"city\":\"").append(CITIES[random.nextInt(CITIES.length)])
                    .append("\",\"zip\":\"").append(String.format(Locale.ROOT, "%05d", random.nextInt(100_000)))
                    .append('"');
            if (random.nextInt(10) != 0) {
                out.append(",\"floor\":").append(random.nextInt(40));
            }
            out.append("},\"tags\":[");
            int tags = random.nextInt(5);
            for (int t = 0; t < tags; t++) {
                out.append(t == 0 ? "\"" : ",\"").append(TAGS[random.nextInt(TAGS.length)]).append('"');
            }
            out.append("],\"items\":[");
            int items = random.nextInt(4);
            for (int t = 0; t < items; t++) {
                out.append(t == 0 ? "{" : ",{").append("\"sku\":\"SKU-").append(10_000 + random.nextInt(90_000))
                        .append("\",\"qty\":").append(1 + random.nextInt(9)).append('}');
            }
            return out.append("]}").toString();
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }
    }
}
