package io.redisarrow.benchmarks;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.HashWrite;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The write tables: N rows x 10 fields written as hashes every way side by side (the server's HSET
 * ceiling, a Jedis pipeline, Lettuce's async API, redis-arrow's {@code writeHashes} in each mode),
 * what atomicity costs on the server ({@link AtomicityCost}), and the same rows as JSON documents
 * ({@link JsonWrites}). All in the database {@link WritesDatabase} names, every pass on absent keys.
 */
final class WritesScenario {

    /** The hash table's id. */
    static final String ID = "writes";

    private WritesScenario() {
    }

    /**
     * @param runUrl the run's server and database
     * @param rows N, the rows each pass writes
     * @param repetitions measured passes per row
     * @param clients the redis-benchmark client counts of the ceilings
     * @param cost the run's server-cost probe
     * @return the hash table, the atomicity table and the JSON table
     */
    static List<Table> run(String runUrl, int rows, int repetitions, int[] clients, ServerCost cost) {
        long start = System.nanoTime();
        WriteData data = WriteData.generate(rows);
        int typical = data.typicalRow();
        Progress.say("writes: %,d rows generated in %.1f s; the ceilings write row %,d's values (%s)", rows,
                (System.nanoTime() - start) / 1e9, typical, data.json(typical));
        try (WritesDatabase db = new WritesDatabase(runUrl); BufferAllocator allocator = new RootAllocator()) {
            Progress.say("writes: into %s", db.url().replaceAll(":[^:@/]*@", ":***@"));
            WriteCeiling ceiling = new WriteCeiling(db.url(), rows, data.texts(typical), data.json(typical));
            Table hashes = hashes(data, db, allocator, ceiling, repetitions, clients, cost);
            Table atomicity = AtomicityCost.run(data, db, repetitions, cost);
            Table json = JsonWrites.run(data, db, allocator, ceiling, repetitions, clients, cost);
            db.clear(WriteData.HASH_PREFIX + "*");
            db.clear(WriteData.JSON_PREFIX + "*");
            return List.of(hashes, atomicity, json);
        }
    }

    private static Table hashes(WriteData data, WritesDatabase db, BufferAllocator allocator, WriteCeiling ceiling,
            int repetitions, int[] clients, ServerCost cost) {
        int rows = data.rows();
        String pattern = WriteData.HASH_PREFIX + "*";
        Table table = table(ID, String.format(Locale.ROOT, "Writes: %,d hashes x 10 fields on loopback", rows),
                "x Jedis");
        Progress.say("writes ceiling: %s", RedisTools.display(ceiling.hashCommand(clients[0])));
        WriteCeiling.Ceilings ceilings = WriteCeiling.measureAll(clients, ceiling::hashCommand, WriteCeiling::hashScenario, repetitions, db,
                pattern, rows, cost);
        List<Measurement> measured = new ArrayList<>(ceilings.measured());
        Measurement best = ceilings.best();
        int bestClients = ceilings.bestClients();
        Measurement jedis;
        try (BatchWriter writer = new JedisWriter(db.url(), false)) {
            jedis = measure(writer, data, db, allocator, WriteData.HASH_PREFIX, repetitions, cost);
        }
        measured.add(jedis);
        try (BatchWriter writer = new LettuceWriter(db.url(), false)) {
            measured.add(measure(writer, data, db, allocator, WriteData.HASH_PREFIX, repetitions, cost));
        }
        for (ArrowHashWriter.Variant variant : ArrowHashWriter.Variant.values()) {
            try (BatchWriter writer = new ArrowHashWriter(RedisArrow.connect(db.url()), variant)) {
                measured.add(measure(writer, data, db, allocator, WriteData.HASH_PREFIX, repetitions, cost));
            }
        }
        for (Measurement m : measured) {
            table.row(m.scenario(), m.parallel(), m.median(), m.min(), m.max(), m.median() / best.median(),
                    m.median() / jedis.median(), m.serverMicrosPerRow());
        }
        table.note(note(rows, repetitions, bestClients, db.url()));
        return table;
    }

    /**
     * @param id the table's id
     * @param title its heading
     * @param versus the heading of the column of ratios to the Jedis pipeline
     * @return an empty write table: scenario, parallel, rates, ratios to the ceiling and Jedis, server CPU
     */
    static Table table(String id, String title, String versus) {
        return new Table(id, title).text("scenario", "scenario").text("parallel", "parallel")
                .number("rows/s (median)", "rows_per_s", "%,.0f").number("min", "rows_per_s_min", "%,.0f")
                .number("max", "rows_per_s_max", "%,.0f").number("x ceiling", "x_ceiling", "%.2f")
                .number(versus, "x_jedis", "%.2f").number("server CPU µs/row", "server_cpu_us_per_row", "%.2f");
    }

    /**
     * Measures a writer: before each pass the keys under {@code prefix} are deleted and fresh batches
     * of every row built (not timed); each pass must add one key per row and leave the allocator empty.
     */
    static Measurement measure(BatchWriter writer, WriteData data, WritesDatabase db, BufferAllocator allocator,
            String prefix, int repetitions, ServerCost cost) {
        return WritePasses.measure(writer.name(), writer.parallel(), repetitions, db, prefix + "*",
                WritePasses.KeyCheck.exactly(data.rows()), () -> {
                    List<RecordBatch> batches = data.batches(allocator, prefix);
                    return () -> {
                        long written = writer.write(batches);
                        if (allocator.getAllocatedMemory() != 0) {
                            throw new IllegalStateException(String.format(Locale.ROOT,
                                    "%s left %,d bytes of Arrow open", writer.name(), allocator.getAllocatedMemory()));
                        }
                        return WritePasses.Done.rows(written);
                    };
                }, cost);
    }

    /** @return the note under the hash table: what each row does */
    static String note(int rows, int repetitions, int ceilingClients, String url) {
        return String.format(Locale.ROOT, """
                %s per writer after one warm-up pass; ratios are of medians, against the rows of this table. Each \
                pass writes %,d rows of the ten fields of the read tables (Utf8, Int32, Float64, Bool, Date(DAY), \
                Timestamp(ms, UTC), Int64: the hash scenario's schema) to absent keys `%s<12-digit i>` in database %d, \
                every `%s*` key deleted (SCAN + UNLINK) before the pass; the input is built before the pass and not \
                timed: Arrow batches of %,d rows with a key column `%s`, fresh for every pass (a writer closes what \
                it gets), and each pass is checked to add one key per row and to leave no Arrow memory open. \
                **Ceiling**: the best `redis-benchmark -P %d -c <clients> -n N -r N HSET %s__rand_int__ <field> \
                <value> x 10` row (%s), the values one typical row's text forms (its length the mean): about 63 %% of \
                its writes create a key, the rest overwrite one (checked with DBSIZE). **Jedis**: one pipeline per \
                batch of `HSET key <map>` per row, synced per batch; **Lettuce**: `async().hset(key, map)` per row \
                with its default auto-flush, at most %,d commands awaiting a reply; both convert each cell from the \
                Arrow vectors as a user would (`new String(bytes, UTF_8)`, `Integer`/`Long`/`Double.toString`, \
                `true`/`false`, `LocalDate.ofEpochDay`, `Instant.ofEpochMilli`, into a `HashMap` per row). \
                **redis-arrow**: `writeHashes` of the same batches with the default options (`parallel` %d, \
                one batch per input batch) in each mode; the TTL row sets %,d ms. Server CPU: the Redis process's \
                user + system time (INFO cpu) per row over the measured passes.""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", rows, WriteData.HASH_PREFIX,
                JsonLoader.database(url), WriteData.HASH_PREFIX, WriteData.BATCH_ROWS,
                HashScan.DEFAULT_KEY_COLUMN, ServerCeiling.PIPELINE, WriteData.HASH_PREFIX,
                ceilingClients == 1 ? "1 client" : ceilingClients + " clients", LettuceWriter.IN_FLIGHT,
                HashWrite.builder().build().parallel(), ArrowHashWriter.TTL.toMillis());
    }
}
