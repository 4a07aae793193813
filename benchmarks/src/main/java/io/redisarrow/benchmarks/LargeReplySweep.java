package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Large replies: the time to read ONE hash of N fields (an HGETALL reply of 2N bulk strings) and
 * ONE hash whose single field holds M bytes, each at two sizes, through {@code scanHashes} with the
 * key as the pattern. Reading a reply should cost time in proportion to its size: the time ratio
 * of the two sizes is shown next to their size ratio (linear: about equal).
 */
final class LargeReplySweep {

    static final String PREFIX = "bench:large:";

    /** Fields of the N-field hash that the schema reads (HGETALL sends them all). */
    static final int FIELDS_READ = 10;

    /** Fields per HSET while loading. */
    private static final int LOAD_CHUNK = 10_000;

    private LargeReplySweep() {
    }

    /**
     * @param bench the run
     * @param quick 10,000 and 100,000 fields, 1 MB and 10 MB values; else 100,000 and 1,000,000
     *        fields, 10 MB and 100 MB values
     */
    static Table run(Bench bench, boolean quick) {
        int[] fieldCounts = quick ? new int[] { 10_000, 100_000 } : new int[] { 100_000, 1_000_000 };
        int[] valueSizes = quick ? new int[] { 1_000_000, 10_000_000 } : new int[] { 10_000_000, 100_000_000 };
        Table table = new Table("large-replies", "Large replies: one hash of N fields, one value of M bytes"
                + " (HGETALL through scanHashes)")
                .text("reply", "reply").number("small", "small", "%,d").number("large", "large", "%,d")
                .number("size ratio", "size_ratio", "%.1f").number("small: ms (median)", "small_ms", "%,.1f")
                .number("large: ms (median)", "large_ms", "%,.1f").number("time ratio", "time_ratio", "%.1f")
                .number("time ratio ÷ size ratio", "time_over_size", "%.2f");
        RedisClient client = RedisClient.create(bench.url());
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<byte[], byte[]> sync = connection.sync();
            double[] fieldTimes = new double[2];
            double[] valueTimes = new double[2];
            for (int i = 0; i < 2; i++) {
                String key = loadFields(sync, fieldCounts[i]);
                fieldTimes[i] = medianMillis(bench, key, fieldsSchema(), String.format(Locale.ROOT, "%,d fields",
                        fieldCounts[i]));
            }
            for (int i = 0; i < 2; i++) {
                String key = loadValue(sync, valueSizes[i]);
                valueTimes[i] = medianMillis(bench, key, valueSchema(), String.format(Locale.ROOT, "%,d-byte value",
                        valueSizes[i]));
            }
            row(table, "hash of N fields (N)", fieldCounts, fieldTimes);
            row(table, "one field of M bytes (M)", valueSizes, valueTimes);
            for (int size : valueSizes) {
                sync.unlink(bytes(PREFIX + "value:" + size));
            }
        } finally {
            client.shutdown();
        }
        table.note(String.format(Locale.ROOT, "Each cell is the median of %d passes after one warm-up, from"
                + " subscription to the last batch (one row). The N-field hash has fields f0..f{N-1} with values of"
                + " about 8 bytes; the schema reads %d of them, HGETALL sends all. The M-byte value is the one field"
                + " `v` of a hash, read as Binary. Linear reading gives a time ratio about equal to the size ratio"
                + " (last column near 1); a reply parsed again on every socket read gives a ratio growing with the"
                + " size.", bench.repetitions(), FIELDS_READ));
        return table;
    }

    private static void row(Table table, String name, int[] sizes, double[] millis) {
        double sizeRatio = sizes[1] / (double) sizes[0];
        double timeRatio = millis[1] / millis[0];
        table.row(name, (long) sizes[0], (long) sizes[1], sizeRatio, millis[0], millis[1], timeRatio,
                timeRatio / sizeRatio);
        Progress.say("large replies: %s: %,d in %.1f ms, %,d in %.1f ms: time x%.1f for size x%.1f", name, sizes[0],
                millis[0], sizes[1], millis[1], timeRatio, sizeRatio);
    }

    private static double medianMillis(Bench bench, String key, Schema schema, String what) {
        HashScan scan = HashScan.builder().pattern(key).schema(schema).build();
        double[] millis = new double[bench.repetitions()];
        try (RedisArrow redis = RedisArrow.connect(bench.url())) {
            for (int pass = -1; pass < millis.length; pass++) {
                long start = System.nanoTime();
                long[] rows = { 0 };
                redis.scanHashes(scan).doOnNext(batch -> {
                    try (RecordBatch b = batch) {
                        rows[0] += b.rowCount();
                    }
                }).blockLast();
                long elapsed = System.nanoTime() - start;
                if (rows[0] != 1) {
                    throw new IllegalStateException("large replies: read " + rows[0] + " rows of " + key + ", expected 1");
                }
                if (pass >= 0) {
                    millis[pass] = elapsed / 1e6;
                }
                Progress.say("large replies: %s: %s %.1f ms", what, pass < 0 ? "warm-up" : "pass", elapsed / 1e6);
            }
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    /** @return the key of a hash of {@code n} fields, loaded unless already there */
    private static String loadFields(RedisCommands<byte[], byte[]> sync, int n) {
        String key = PREFIX + "fields:" + n;
        byte[] k = bytes(key);
        if (sync.hlen(k) == n) {
            return key;
        }
        sync.unlink(k);
        long start = System.nanoTime();
        for (int from = 0; from < n; from += LOAD_CHUNK) {
            Map<byte[], byte[]> chunk = new LinkedHashMap<>();
            for (int i = from; i < Math.min(n, from + LOAD_CHUNK); i++) {
                chunk.put(bytes("f" + i), bytes(String.format(Locale.ROOT, "v%07d", i)));
            }
            sync.hset(k, chunk);
        }
        Progress.say("large replies: loaded %s in %.1f s", key, (System.nanoTime() - start) / 1e9);
        return key;
    }

    /** @return the key of a hash whose one field {@code v} holds {@code size} bytes */
    private static String loadValue(RedisCommands<byte[], byte[]> sync, int size) {
        String key = PREFIX + "value:" + size;
        byte[] k = bytes(key);
        byte[] field = bytes("v");
        if (sync.hstrlen(k, field) == size) {
            return key;
        }
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) ('a' + i % 26);
        }
        sync.unlink(k);
        sync.hset(k, field, value);
        return key;
    }

    private static Schema fieldsSchema() {
        Field[] fields = new Field[FIELDS_READ];
        for (int i = 0; i < FIELDS_READ; i++) {
            fields[i] = new Field("f" + i, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        }
        return new Schema(List.of(fields));
    }

    private static Schema valueSchema() {
        return new Schema(List.of(new Field("v", FieldType.nullable(ArrowType.Binary.INSTANCE), null)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
