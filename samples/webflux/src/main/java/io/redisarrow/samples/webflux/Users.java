package io.redisarrow.samples.webflux;

import io.redisarrow.testing.HashLoader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The users this service serves: hashes {@code user:<n>}, their schema, and sample data. */
final class Users {

    /** Every user's key starts with this. */
    static final String PREFIX = "user:";

    /** The hash fields of a user and their Arrow types. */
    static final Schema SCHEMA = new Schema(List.of(
            utf8("name"),
            utf8("email"),
            utf8("city"),
            new Field("age", FieldType.nullable(new ArrowType.Int(32, true)), null),
            utf8("bio")));

    private static final List<String> CITIES = List.of("Lisbon", "Oslo", "Lyon", "Porto", "Graz", "Turin");

    private Users() {
    }

    private static Field utf8(String name) {
        return new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
    }

    /**
     * @param i the user's number
     * @param random the data's random source
     * @return the hash fields of user {@code i}
     */
    static Map<String, String> user(int i, Random random) {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("name", "User " + i);
        user.put("email", "user" + i + "@example.com");
        user.put("city", CITIES.get(random.nextInt(CITIES.size())));
        user.put("age", Integer.toString(18 + random.nextInt(60)));
        user.put("bio", "Joined in " + (2010 + random.nextInt(15)) + ".");
        return user;
    }

    /**
     * Writes {@code count} users {@code user:0 ...} with pipelined HSETs.
     *
     * @param url the Redis URL
     * @param count how many
     */
    static void load(String url, int count) {
        Random random = new Random(42);
        HashLoader.load(url, count, i -> PREFIX + i, i -> user(i, random));
    }
}
