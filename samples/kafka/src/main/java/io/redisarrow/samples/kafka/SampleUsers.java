package io.redisarrow.samples.kafka;

import io.redisarrow.testing.HashLoader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
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

/** The sample's users: hashes {@code <prefix><n>} with a name, age, score, active flag and join date. */
final class SampleUsers {

    /** The users' fields as the scan reads them. */
    static final Schema SCHEMA = new Schema(List.of(
            new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("age", FieldType.nullable(new ArrowType.Int(32, true)), null),
            new Field("score", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null),
            new Field("active", FieldType.nullable(ArrowType.Bool.INSTANCE), null),
            new Field("joined", FieldType.nullable(new ArrowType.Date(DateUnit.DAY)), null)));


    private SampleUsers() {
    }

    /**
     * @param i the user's number
     * @param random the data's random source
     * @return the user's hash fields, numbers in {@link Locale#ROOT} as the schema parses them
     */
    static Map<String, String> user(int i, Random random) {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("name", "user-" + i);
        user.put("age", Integer.toString(18 + random.nextInt(60)));
        user.put("score", String.format(Locale.ROOT, "%.2f", random.nextDouble() * 100));
        user.put("active", random.nextBoolean() ? "true" : "false");
        user.put("joined", LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650)).toString());
        return user;
    }

    /**
     * Writes {@code count} users, pipelined.
     *
     * @param url the Redis URL
     * @param prefix the keys' prefix
     * @param count how many
     */
    static void load(String url, String prefix, int count) {
        Random random = new Random(42);
        HashLoader.load(url, count, i -> prefix + i, i -> user(i, random));
    }
}
