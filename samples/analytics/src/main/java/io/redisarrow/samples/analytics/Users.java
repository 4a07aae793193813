package io.redisarrow.samples.analytics;

import io.redisarrow.testing.HashLoader;
import io.redisarrow.arrow.HashScan;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sample's data: user hashes {@code <prefix><n>} with a name, a city and an age, each city
 * with its own typical age so that the averages differ; and the scan that reads the two columns
 * the analytics need.
 */
final class Users {

    /** The hashes' fields and their Arrow types. */
    static final Schema SCHEMA = new Schema(List.of(
            new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("city", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("age", FieldType.nullable(new ArrowType.Int(32, true)), null)));

    static final List<String> CITIES = List.of("Amsterdam", "Athens", "Barcelona", "Berlin", "Bordeaux",
            "Bratislava", "Brussels", "Bucharest", "Budapest", "Copenhagen", "Dublin", "Edinburgh", "Florence",
            "Geneva", "Hamburg", "Helsinki", "Krakow", "Lisbon", "Ljubljana", "London", "Lyon", "Madrid", "Milan",
            "Munich", "Naples", "Oslo", "Paris", "Porto", "Prague", "Reykjavik", "Riga", "Rome", "Seville",
            "Sofia", "Stockholm", "Tallinn", "Valencia", "Vienna", "Vilnius", "Warsaw", "Zagreb", "Zurich");


    private Users() {
    }

    /**
     * @param i the user's number
     * @param random the data's random source
     * @return the user's hash: the city picked at random, the age around that city's typical age
     */
    static Map<String, String> user(int i, Random random) {
        int city = random.nextInt(CITIES.size());
        int typicalAge = 25 + (city * 17) % 40;
        int age = typicalAge + random.nextInt(21) - 10;
        return Map.of("name", "user-" + i, "city", CITIES.get(city), "age", Integer.toString(age));
    }

    /**
     * Writes {@code count} users with pipelined HSETs.
     *
     * @param url the Redis URL
     * @param prefix the keys' prefix
     * @param count how many users
     */
    static void load(String url, String prefix, int count) {
        Random random = new Random(42);
        HashLoader.load(url, count, i -> prefix + i, i -> user(i, random));
    }

    /**
     * @param prefix the keys' prefix
     * @return a scan of the users' city and age columns (HMGET of those two fields, no key column)
     */
    static HashScan scan(String prefix) {
        return HashScan.builder().pattern(prefix + "*").schema(SCHEMA).project("city", "age").noKeyColumn().build();
    }

}
