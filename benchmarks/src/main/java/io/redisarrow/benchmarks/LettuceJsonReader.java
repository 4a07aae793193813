package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.json.JsonArray;
import io.lettuce.core.json.JsonObject;
import io.lettuce.core.json.JsonPath;
import io.lettuce.core.json.JsonValue;
import io.redisarrow.benchmarks.json.JsonDocs;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lettuce baseline, what users write without us: {@code ScanStream} feeding
 * {@code flatMap(jsonGet(key, $))} (default concurrency) through Lettuce's own JSON API, on a client
 * of its own with default options. Every value of every document is materialised as a Java String,
 * Number or Boolean through that API (which parses the reply with Jackson 2 on first access), walking
 * nested objects and arrays by the members' names; nothing is copied into Arrow, as the hash table's
 * Lettuce reader builds maps and no Arrow either.
 */
final class LettuceJsonReader implements Reader {

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    private final String pattern;

    private long values;

    /**
     * @param url the documents' server and database
     * @param pattern SCAN MATCH pattern of the documents, {@link JsonDocs#PATTERN} in the benchmark
     */
    LettuceJsonReader(String url, String pattern) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
        this.pattern = pattern;
    }

    /** @return how many values the last pass materialised */
    long values() {
        return values;
    }

    @Override
    public String name() {
        return "Lettuce ScanStream + flatMap(jsonGet), every value materialised";
    }

    @Override
    public long pass() {
        RedisReactiveCommands<String, String> reactive = connection.reactive();
        AtomicLong touched = new AtomicLong();
        Long rows = ScanStream.scan(reactive, ScanArgs.Builder.matches(pattern)
                .limit(RedisArrowReader.BASELINE_SCAN_COUNT))
                .flatMap(key -> reactive.jsonGet(key, JsonPath.ROOT_PATH).next())
                .map(reply -> {
                    touched.addAndGet(document(reply.asJsonArray().get(0).asJsonObject()));
                    return reply;
                })
                .count()
                .block();
        values = touched.get();
        return rows == null ? 0 : rows;
    }

    /** @return how many values the document holds, each materialised */
    private static long document(JsonObject document) {
        long count = members(document, JsonDocs.MEMBERS);
        JsonValue address = document.get("address");
        if (present(address)) {
            count += members(address.asJsonObject(), JsonDocs.ADDRESS_MEMBERS);
        }
        JsonValue tags = document.get("tags");
        if (present(tags)) {
            for (JsonValue tag : tags.asJsonArray().asList()) {
                count += scalar(tag);
            }
        }
        JsonValue items = document.get("items");
        if (present(items)) {
            JsonArray array = items.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                if (present(item)) {
                    count += members(item.asJsonObject(), JsonDocs.ITEM_MEMBERS);
                }
            }
        }
        return count;
    }

    /** @return how many of the named members are scalars, each materialised */
    private static long members(JsonObject object, List<String> names) {
        long count = 0;
        for (String name : names) {
            count += scalar(object.get(name));
        }
        return count;
    }

    /** @return 1 when the value is a scalar, materialised, else 0 */
    private static int scalar(JsonValue value) {
        if (!present(value)) {
            return 0;
        }
        if (value.isString()) {
            return value.asString() != null ? 1 : 0;
        }
        if (value.isNumber()) {
            return value.asNumber() != null ? 1 : 0;
        }
        if (value.isBoolean()) {
            return value.asBoolean() != null ? 1 : 0;
        }
        return 0;
    }

    private static boolean present(JsonValue value) {
        return value != null && !value.isNull();
    }

    @Override
    public String detail() {
        return String.format(Locale.ROOT, "%,d values materialised", values);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
