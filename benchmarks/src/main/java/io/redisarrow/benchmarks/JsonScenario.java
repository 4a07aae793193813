package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.JsonScan;
import io.redisarrow.benchmarks.json.JsonDocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON table: every way of reading N JSON documents of ten members on loopback, side by side, with
 * baselines of its own measured in the same run: the server ceiling (redis-benchmark JSON.GET at the
 * run's client counts), redis-arrow's {@code scanJson} reading whole documents, a projection of two
 * members and two nested values by path, the Jedis pipeline parsed with Jackson and copied into Arrow,
 * and Lettuce's ScanStream with its JSON API. Loads the documents first ({@link JsonLoader}).
 */
final class JsonScenario {

    /** The table's id: its CSV and chart file names, and how {@link JsonFindings} finds it. */
    static final String ID = "json";

    /** The redis-arrow rows. */
    enum Variant {

        DOCUMENTS("redis-arrow scanJson, whole documents (one JSON.GET key $ per key), default options"),
        DOCUMENTS_MGET("redis-arrow scanJson, whole documents, mget(true): one JSON.MGET key... $ per batch"),
        PROJECTED("redis-arrow scanJson, project " + String.join(" and ", JsonDocs.PROJECTED) + " (2 of 10 members),"
                + " default options"),
        PATHS("redis-arrow scanJson, 2 nested values by path (" + String.join(", ", JsonDocs.PATHS)
                + "), default options");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        JsonScan scan() {
            return switch (this) {
                case DOCUMENTS -> JsonScan.builder().pattern(JsonDocs.PATTERN).schema(JsonDocs.SCHEMA).build();
                case DOCUMENTS_MGET -> JsonScan.builder().pattern(JsonDocs.PATTERN).schema(JsonDocs.SCHEMA).mget(true)
                        .build();
                case PROJECTED -> JsonScan.builder().pattern(JsonDocs.PATTERN).schema(JsonDocs.SCHEMA)
                        .project(JsonDocs.PROJECTED.toArray(String[]::new)).build();
                case PATHS -> {
                    JsonScan.Builder builder = JsonScan.builder().pattern(JsonDocs.PATTERN).schema(JsonDocs.PATH_SCHEMA);
                    for (int i = 0; i < JsonDocs.PATHS.size(); i++) {
                        builder.path(JsonDocs.PATH_SCHEMA.getFields().get(i).getName(), JsonDocs.PATHS.get(i));
                    }
                    yield builder.build();
                }
            };
        }
    }

    private JsonScenario() {
    }

    /**
     * @param bench the run; {@link Bench#keys()} documents are read
     * @param clients the redis-benchmark client counts of the ceiling
     * @param reuse whether documents an earlier run loaded with the same N are kept
     * @return the table, or a note when the server has no JSON module
     */
    static Table run(Bench bench, int[] clients, boolean reuse) {
        Table table = new Table(ID, String.format(Locale.ROOT,
                "JSON documents: every reader, %,d documents x 10 members on loopback", bench.keys()))
                .text("scenario", "scenario").text("parallel", "parallel")
                .number("rows/s (median)", "rows_per_s", "%,.0f").number("min", "rows_per_s_min", "%,.0f")
                .number("max", "rows_per_s_max", "%,.0f").number("x ceiling", "x_ceiling", "%.2f")
                .number("x Jedis + Jackson", "x_jedis", "%.2f").number("x Lettuce", "x_lettuce", "%.2f")
                .number("server µs/row", "server_us_per_row", "%.2f");
        String url = JsonLoader.documentsUrl(bench.url());
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            if (!JsonLoader.jsonAvailable(redis)) {
                Progress.say("json: not measured: the server has no JSON.GET");
                return table.note("Not measured: the server has no JSON module (no `JSON.GET`). Load one"
                        + " (`REDIS_ARROW_MODULES`, or the valkey-json build in `../shared/servers`), or point"
                        + " `REDIS_URL` at Redis 8 or Redis Stack.");
            }
            JsonLoader.ensureLoaded(url, bench.keys(), reuse);
            measure(bench, url, clients, redis, table);
        } finally {
            client.shutdown();
        }
        return table;
    }

    private static void measure(Bench bench, String url, int[] clients, RedisCommands<String, String> redis,
            Table table) {
        List<Measurement> rows = new ArrayList<>();
        JsonCeiling server = new JsonCeiling(url, bench.keys(), redis);
        Progress.say("json ceiling: %s", RedisTools.display(server.command(clients[0])));
        Measurement ceiling = null;
        int best = clients[0];
        for (int count : clients) {
            Measurement m = Measurement.run(JsonCeiling.scenario(count), "-", bench.repetitions(),
                    () -> new Measurement.Pass(server.run(count), server.requests(), ""), bench.cost());
            rows.add(m);
            if (ceiling == null || m.median() > ceiling.median()) {
                ceiling = m;
                best = count;
            }
        }
        for (Variant variant : Variant.values()) {
            try (Reader reader = new JsonArrowReader(url, variant.scan(), variant.label)) {
                rows.add(Measurement.of(reader, bench.keys(), bench.repetitions(), bench.cost()));
            }
        }
        Measurement jedis;
        try (Reader reader = new JedisJsonReader(url, JsonDocs.PATTERN)) {
            jedis = Measurement.of(reader, bench.keys(), bench.repetitions(), bench.cost());
        }
        Measurement lettuce;
        try (Reader reader = new LettuceJsonReader(url, JsonDocs.PATTERN)) {
            lettuce = Measurement.of(reader, bench.keys(), bench.repetitions(), bench.cost());
        }
        rows.add(jedis);
        rows.add(lettuce);
        for (Measurement m : rows) {
            table.row(m.scenario(), m.parallel(), m.median(), m.min(), m.max(), m.median() / ceiling.median(),
                    m.median() / jedis.median(), m.median() / lettuce.median(), m.serverMicrosPerRow());
        }
        table.note(note(bench, best, url));
    }

    /** @return the note under the table: what each row does */
    static String note(Bench bench, int ceilingClients, String url) {
        return String.format(Locale.ROOT, """
                %s per reader after one warm-up pass; ratios are of medians, against the rows of this table. The \
                documents (`%s`, fixed seed) live in database %s of the same server, so neither this table's SCANs \
                nor the hash tables' walk the other's keys; each has ten members: a string, two integers, a float \
                (null in about 2 %%), a boolean, an ISO-8601 timestamp string, a two-decimal number read as \
                Decimal(12, 2), an object of three members, an array of 0 to 4 strings and an array of 0 to 3 \
                objects of two members (Arrow: Utf8, Int32, Int64, Float64, Bool, Timestamp(ms, UTC), Decimal, \
                Struct, `List<Utf8>`, `List<Struct>`). \
                **Ceiling**: the best `redis-benchmark -P %d` row (%s): `JSON.GET bench:doc:__rand_int__ $`, one \
                whole document per request, random existing keys (no misses, checked), no SCAN. \
                **redis-arrow** rows stream every batch to a subscriber that closes it on arrival, with the \
                defaults (`parallel` %d, batches of %,d keys): whole documents read with one pipelined `JSON.GET key $` \
                per key into the nested schema, and the same with `mget(true)`, one `JSON.MGET key... $` per \
                batch; `project(%s)`, read with `JSON.GET key %s`; and two string columns read from \
                %s with `path(...)` (one `JSON.GET` of both paths per key). \
                **Jedis + Jackson**: SCAN COUNT %,d, one pipeline of raw `JSON.GET key $` per page, each reply \
                parsed by Jackson 3's `ObjectMapper.readTree`, then the page copied member by member into a fresh \
                Arrow batch of the same nested schema, closed at once. \
                **Lettuce**: `ScanStream` (COUNT %,d) + `flatMap(jsonGet(key, $))` through Lettuce's JSON API, \
                every value of every document materialised as a Java String, Number or Boolean, nothing copied \
                into Arrow (as the readers table's Lettuce row builds maps and no Arrow), so this row does less \
                work than the others. Server µs/row: Redis' own command time (INFO commandstats, SCAN included) \
                per row over the measured passes.""",
                bench.repetitions() == 1 ? "1 measured pass" : bench.repetitions() + " measured passes",
                JsonDocs.PATTERN, JsonLoader.database(url),
                ServerCeiling.PIPELINE, ceilingClients == 1 ? "1 client" : ceilingClients + " clients",
                HashScan.DEFAULT_PARALLEL, HashScan.DEFAULT_BATCH_SIZE, String.join(", ", JsonDocs.PROJECTED),
                String.join(" ", JsonDocs.PROJECTED.stream().map(m -> "$." + m).toList()),
                "`" + String.join("` and `", JsonDocs.PATHS) + "`", RedisArrowReader.BASELINE_SCAN_COUNT,
                RedisArrowReader.BASELINE_SCAN_COUNT);
    }
}
