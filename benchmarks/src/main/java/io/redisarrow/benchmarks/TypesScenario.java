package io.redisarrow.benchmarks;

import reactor.util.concurrent.Queues;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The types table: strings, sets, lists, sorted sets and streams, N elements each over small keys
 * and (but strings) in one big key, read by redis-arrow with its defaults, by a hand-written Jedis
 * pipeline of the same commands ({@link JedisTypeReader}) and by naive Lettuce reactive code
 * ({@link LettuceTypeReader}), one row per type and shape. Each data set is loaded on its own into
 * the database {@value #OFFSET} after the run's (its {@code bench:t:*} keys deleted, then FLUSHDB
 * when nothing else is left: see {@link #load}), read, and deleted, so SCAN walks only the keys
 * measured. Every pass must read exactly N elements, and
 * the readers' sums of what they read must agree.
 */
final class TypesScenario {

    /** The table's id: its CSV name, and how {@link TypesFindings} finds it. */
    static final String ID = "types";

    /** How many databases after the run's the types' keys live in. */
    static final int OFFSET = 3;

    /** How far, relatively, two readers' sums of one data set may differ (summation order). */
    static final double CHECKSUM_TOLERANCE = 1e-6;

    private TypesScenario() {
    }

    /** What the three readers measured on one data set. */
    record Rates(Measurement arrow, double arrowCpu, Measurement jedis, double jedisCpu, Measurement lettuce,
            double lettuceCpu) {
    }

    /**
     * @param runUrl the run's server and database
     * @param elements N, the elements of each data set
     * @param repetitions measured passes per reader
     * @param cost the run's server-cost probe
     * @return the table
     */
    static Table run(String runUrl, int elements, int repetitions, ServerCost cost) {
        Table table = table(elements);
        Map<TypeData.Kind, Double> smallKeys = new EnumMap<>(TypeData.Kind.class);
        try (WritesDatabase db = new WritesDatabase(runUrl, OFFSET)) {
            Progress.say("types: into %s", db.url().replaceAll(":[^:@/]*@", ":***@"));
            for (TypeData data : TypeData.all(elements)) {
                load(db, data);
                Rates rates = measure(db, data, repetitions, cost);
                double arrow = rates.arrow().median();
                if (data.shape() == TypeData.Shape.SMALL_KEYS) {
                    smallKeys.put(data.kind(), arrow);
                }
                double bigOverSmall = data.shape() == TypeData.Shape.BIG_KEY
                        ? arrow / smallKeys.getOrDefault(data.kind(), Double.NaN) : Double.NaN;
                table.row(data.kind().label, data.shape().label, keysCell(data), arrow, rates.jedis().median(),
                        rates.lettuce().median(), arrow / rates.jedis().median(), arrow / rates.lettuce().median(),
                        bigOverSmall, rates.arrow().serverMicrosPerRow(),
                        rates.jedis().serverMicrosPerRow(), rates.arrowCpu(), rates.jedisCpu(), rates.lettuceCpu());
            }
            long deleted = db.clear(TypeData.PREFIX + "*");
            Progress.say("types: deleted the last data set's %,d keys", deleted);
        }
        table.note(note(elements, repetitions));
        return table;
    }

    /**
     * @param elements N
     * @return the empty table: type, shape, keys, each reader's rate, the ratios, Redis' cost and CPU
     */
    static Table table(int elements) {
        return new Table(ID, String.format(Locale.ROOT,
                "Every Redis type: %,d elements per data set, small keys and one big key, on loopback", elements))
                .text("type", "type").text("shape", "shape").text("keys x elements", "keys")
                .number("redis-arrow elements/s", "arrow_per_s", "%,.0f")
                .number("Jedis pipeline", "jedis_per_s", "%,.0f")
                .number("naive Lettuce", "lettuce_per_s", "%,.0f")
                .number("x Jedis", "x_jedis", "%.2f").number("x Lettuce", "x_lettuce", "%.2f")
                .number("big / small keys", "big_over_small", "%.2f")
                .number("Redis µs/element, redis-arrow", "arrow_server_us", "%.3f")
                .number("Redis µs/element, Jedis", "jedis_server_us", "%.3f")
                .number("Redis CPU %, redis-arrow", "arrow_redis_cpu", "%.0f")
                .number("Redis CPU %, Jedis", "jedis_redis_cpu", "%.0f")
                .number("Redis CPU %, Lettuce", "lettuce_redis_cpu", "%.0f");
    }

    private static String keysCell(TypeData data) {
        return String.format(Locale.ROOT, "%,d x %,d", data.keys(),
                data.shape() == TypeData.Shape.BIG_KEY ? data.elements()
                        : data.kind() == TypeData.Kind.STRINGS ? 1 : TypeData.PER_KEY);
    }

    /**
     * Deletes every {@code bench:t:*} key, then, when the database holds nothing else, FLUSHDB:
     * deleting keys leaves Redis' hash table at its old size, and Redis shrinks it in the background
     * later, while a reader's SCAN may run, which then returns some keys twice; after FLUSHDB the
     * table only grows while the data set loads, which SCAN follows without repeating a key. Then
     * loads one data set through {@code redis-cli --pipe} and checks it added one key per key of the
     * data set.
     *
     * @param db the types' database
     * @param data the data set
     * @throws IllegalStateException when the load added another number of keys
     */
    static void load(WritesDatabase db, TypeData data) {
        long deleted = db.clear(TypeData.PREFIX + "*");
        long others = db.dbsize();
        if (others == 0) {
            db.redis().flushdb();
        } else {
            Progress.say("types: database %s holds %,d keys of its own, so it is not flushed: a key a SCAN returns"
                    + " twice while Redis shrinks its table would fail a pass", db.url().replaceAll(".*/", ""), others);
        }
        long start = System.nanoTime();
        DataLoader.pipe(db.url(), data.commands(), data::write);
        long added = db.dbsize() - others;
        if (added != data.keys()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "loading %s added %,d keys, expected %,d",
                    data.label(), added, data.keys()));
        }
        Progress.say("types: %s loaded in %.1f s (%,d commands through redis-cli --pipe; %,d old keys deleted first)",
                data.label(), (System.nanoTime() - start) / 1e9, data.commands(), deleted);
    }

    private static Rates measure(WritesDatabase db, TypeData data, int repetitions, ServerCost cost) {
        ArrowTypeReader arrow = new ArrowTypeReader(db.url(), data);
        List<TypeReader> readers = List.of(arrow,
                new JedisTypeReader(db.url(), data, arrow.countHint(), arrow.batchSize()),
                new LettuceTypeReader(db.url(), data));
        Measurement[] measured = new Measurement[readers.size()];
        double[] cpu = new double[readers.size()];
        try {
            for (int i = 0; i < readers.size(); i++) {
                CpuSampled sampled = new CpuSampled(readers.get(i), db::cpuSeconds);
                measured[i] = Measurement.of(sampled, data.elements(), repetitions, cost);
                cpu[i] = sampled.percent();
            }
        } finally {
            readers.forEach(TypeReader::close);
        }
        checkSums(data, readers);
        return new Rates(measured[0], cpu[0], measured[1], cpu[1], measured[2], cpu[2]);
    }

    /**
     * @throws IllegalStateException when two readers' sums of the data set differ by more than
     *         {@link #CHECKSUM_TOLERANCE}, relatively: one of them did not read every value
     */
    static void checkSums(TypeData data, List<? extends TypeReader> readers) {
        TypeReader first = readers.get(0);
        for (TypeReader other : readers.subList(1, readers.size())) {
            double a = first.checksum();
            double b = other.checksum();
            if (Math.abs(a - b) > CHECKSUM_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: %s summed %.17g, %s summed %.17g: they did not read the same values", data.label(),
                        first.name(), a, other.name(), b));
            }
        }
    }

    /** @return the note under the table: the data, what each reader sends, what the columns mean */
    static String note(int elements, int repetitions) {
        ArrowTypeReader.Read defaults = ArrowTypeReader.read(new TypeData(TypeData.Kind.SETS, TypeData.Shape.SMALL_KEYS,
                elements));
        return String.format(Locale.ROOT, """
                %s per reader after one warm-up pass; rates are medians, in elements (string values, set, list and \
                sorted-set members, stream entries) per second, and every pass is checked to read exactly %,d. \
                Each data set is loaded alone into database db + %d (every `%s*` key deleted first with SCAN + \
                UNLINK, then FLUSHDB when the database holds nothing else, so that Redis does not shrink its \
                table, which makes SCAN repeat keys, while the readers read), read by every reader, then deleted. **Data**: small keys hold %d elements \
                each (strings: one value per key); the big key holds all %,d (no big string: one value is one row, \
                and the `large` scenario reads 10 and 100 MB values). String values are prices with two decimals; \
                members and list elements are 8 to 16 bytes; scores are doubles; stream entries have three fields, \
                `user` (a long), `price` (a double) and `sym` (a short string). **redis-arrow**: `scanStrings`, \
                `scanSets`, `scanLists`, `scanSortedSets`, `scanStreams` with the default options (`parallel` %d, \
                batches of %,d elements, SCAN COUNT %,d; SCAN sends `TYPE string` always, the other types' TYPE \
                only once a key of another type shows up, none here) and the element typed as it is (Float64 \
                prices, Utf8 members and list elements, a list's Int64 `_position` and a sorted set's Float64 \
                `_score` as by default, Int64 stream ids and `user`, Float64 `price`, Utf8 `sym`), each batch \
                summed and closed on arrival. **Jedis pipeline**: the same commands by hand with Jedis' byte[] API: SCAN MATCH COUNT %,d \
                TYPE pages; small keys: one MGET per page (strings), or one pipeline per page of SMEMBERS, \
                LRANGE 0 -1, ZRANGE 0 -1 WITHSCORES or XRANGE - + per key; the big key in the windows redis-arrow \
                reads it in: an SSCAN COUNT %,d cursor loop, LLEN or ZCARD then LRANGE or ZRANGE windows of %,d \
                pipelined (%d windows per sync), XRANGE COUNT %,d from after the last id. **Naive Lettuce**: \
                `ScanStream.scan(reactive, ScanArgs.Builder.matches(pattern))` (Lettuce's default: no COUNT, so \
                Redis' 10) and `flatMap` (Reactor's default concurrency, %d) of GET per string key, `smembers`, \
                `lrange(key, 0, -1)`, `zrangeWithScores(key, 0, -1)` or `xrange(key, Range.create(\"-\", \"+\"))`; \
                the big key by the same code, String codec. Every reader reads each value into a Java value \
                (Strings, parsed numbers; redis-arrow: the vectors) and sums them; the sums of the readers of a data \
                set must agree. **Big / small keys**: redis-arrow's big-key rate over its small-key rate for the \
                type. **Redis µs/element**: Redis' own command time (INFO commandstats, SCAN included) per element \
                over the measured passes. **Redis CPU %%**: the Redis process's CPU time (INFO cpu, user + system) \
                over the wall time of the measured passes: near 100 the server is the limit.""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", elements, OFFSET,
                TypeData.PREFIX, TypeData.PER_KEY, elements, defaults.parallel(), defaults.batchSize(),
                defaults.countHint(), defaults.countHint(), defaults.batchSize(), defaults.batchSize(),
                JedisTypeReader.WINDOWS_PER_SYNC, defaults.batchSize(), Queues.SMALL_BUFFER_SIZE);
    }
}
