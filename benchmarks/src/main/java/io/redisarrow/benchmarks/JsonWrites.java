package io.redisarrow.benchmarks;

import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.WriteMode;
import org.apache.arrow.memory.BufferAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON write table: the write scenario's rows as documents {@code {"name":..,...}} (strings
 * quoted, numbers and booleans bare, dates and timestamps as ISO strings): the server's
 * {@code JSON.SET} ceiling, a Jedis pipeline and Lettuce's async API of {@code JSON.SET key $ <doc>}
 * per row, and redis-arrow's {@code writeJson} in each mode when this build has it
 * ({@link #ARROW_WRITE_JSON}). Needs a JSON module: the benchmark's own server loads the one
 * {@code REDIS_ARROW_MODULES} names or the shared build (see {@link HashScanBenchmark#modules()});
 * without {@code JSON.SET} the table holds a note.
 */
final class JsonWrites {

    /** The table's id. */
    static final String ID = "writes-json";

    /**
     * Whether this build of the benchmark measures redis-arrow's {@code writeJson}; when false its
     * rows read "not available".
     */
    static final boolean ARROW_WRITE_JSON = true;

    /** The redis-arrow rows of the JSON table, by mode. */
    enum Variant {

        REPLACE("redis-arrow writeJson REPLACE (MULTI, DEL, JSON.SET key $ doc, EXEC)", WriteMode.REPLACE),
        MERGE("redis-arrow writeJson MERGE (a script: JSON.SET per member)", WriteMode.MERGE),
        SKIP_EXISTING("redis-arrow writeJson SKIP_EXISTING, absent keys (a script: EXISTS, JSON.SET key $ doc)",
                WriteMode.SKIP_EXISTING);

        final String label;

        final WriteMode mode;

        Variant(String label, WriteMode mode) {
            this.label = label;
            this.mode = mode;
        }
    }

    private JsonWrites() {
    }

    /**
     * @param data the rows
     * @param db the writes' database
     * @param allocator where the batches live
     * @param ceiling the redis-benchmark command lines
     * @param repetitions measured passes per row
     * @param clients the redis-benchmark client counts
     * @param cost the run's server-cost probe
     * @return the table, or a note when the server has no JSON module
     */
    static Table run(WriteData data, WritesDatabase db, BufferAllocator allocator, WriteCeiling ceiling,
            int repetitions, int[] clients, ServerCost cost) {
        int rows = data.rows();
        Table table = WritesScenario.table(ID, String.format(Locale.ROOT,
                "Writes: %,d JSON documents of 10 members on loopback", rows), "x Jedis");
        if (!JsonLoader.jsonAvailable(db.redis())) {
            Progress.say("writes-json: not measured: the server has no JSON.SET");
            return table.note("Not measured: the server has no JSON module (no `JSON.SET`). Load one"
                    + " (`REDIS_ARROW_MODULES`, or the valkey-json build in `../shared/servers`), or point"
                    + " `REDIS_URL` at Redis 8 or Redis Stack.");
        }
        String pattern = WriteData.JSON_PREFIX + "*";
        Progress.say("writes-json ceiling: %s", RedisTools.display(ceiling.jsonCommand(clients[0])));
        WriteCeiling.Ceilings ceilings = WriteCeiling.measureAll(clients, ceiling::jsonCommand, WriteCeiling::jsonScenario, repetitions, db,
                pattern, rows, cost);
        List<Measurement> measured = new ArrayList<>(ceilings.measured());
        Measurement best = ceilings.best();
        int bestClients = ceilings.bestClients();
        Measurement jedis;
        try (BatchWriter writer = new JedisWriter(db.url(), true)) {
            jedis = WritesScenario.measure(writer, data, db, allocator, WriteData.JSON_PREFIX, repetitions, cost);
        }
        measured.add(jedis);
        try (BatchWriter writer = new LettuceWriter(db.url(), true)) {
            measured.add(WritesScenario.measure(writer, data, db, allocator, WriteData.JSON_PREFIX, repetitions, cost));
        }
        if (ARROW_WRITE_JSON) {
            for (Variant variant : Variant.values()) {
                try (BatchWriter writer = ArrowHashWriter.json(RedisArrow.connect(db.url()), variant)) {
                    measured.add(WritesScenario.measure(writer, data, db, allocator, WriteData.JSON_PREFIX, repetitions,
                            cost));
                }
            }
        }
        for (Measurement m : measured) {
            table.row(m.scenario(), m.parallel(), m.median(), m.min(), m.max(), m.median() / best.median(),
                    m.median() / jedis.median(), m.serverMicrosPerRow());
        }
        if (!ARROW_WRITE_JSON) {
            for (Variant variant : Variant.values()) {
                table.row(variant.label + ": not available (no writeJson in this build)", "-", null, null, null, null,
                        null, null);
            }
        }
        table.note(note(rows, repetitions, bestClients));
        return table;
    }

    /** @return the note under the table */
    static String note(int rows, int repetitions, int ceilingClients) {
        return String.format(Locale.ROOT, """
                %s per writer after one warm-up pass; ratios are of medians, against the rows of this table. The \
                same %,d rows and batches as the hash table, written as documents `%s<12-digit i>` of ten members \
                (`{"name":"user-lfls","email":...,"age":42,...}`: strings quoted, numbers and booleans bare, the \
                date and timestamp as ISO strings), every `%s*` key deleted before each pass. **Ceiling**: the \
                best `redis-benchmark -P %d -c <clients> -n N -r N JSON.SET %s__rand_int__ $ <doc>` row (%s), the \
                document a typical row's. **Jedis**: one pipeline per batch of raw `JSON.SET key $ <doc>` per row; \
                **Lettuce**: `dispatch(JSON.SET, key, $, doc)` per row on the async API, at most %,d in flight; both \
                build each document from the Arrow cells as the hash baselines do, into a `LinkedHashMap` written \
                by Jackson's `ObjectMapper.writeValueAsString`. **redis-arrow**: `writeJson` of the same batches with \
                the default options in each mode.""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", rows, WriteData.JSON_PREFIX,
                WriteData.JSON_PREFIX, ServerCeiling.PIPELINE, WriteData.JSON_PREFIX,
                ceilingClients == 1 ? "1 client" : ceilingClients + " clients", LettuceWriter.IN_FLIGHT)
                + (ARROW_WRITE_JSON ? "" : " The redis-arrow rows are not available: this build of the library has"
                        + " no `writeJson`.");
    }
}
