package io.redisarrow.samples;

import io.redisarrow.testing.HashLoader;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The README's first command: loads sample users into Redis (unless {@code REDIS_URL} is set, a
 * local server it starts itself: {@code redis-server} from PATH, else the Redis binary inside
 * embedded-redis), streams them into Arrow batches, prints the first rows and the rate reached, and
 * stops what it started. Numbers are written and printed in {@link Locale#ROOT}, whatever the
 * machine's locale.
 */
public final class Demo {

    static final int DEFAULT_USERS = 200_000;

    /** The demo's key prefix. */
    static final String DEFAULT_PREFIX = "demo:user:";

    static final Schema USERS = new Schema(List.of(
            new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("age", FieldType.nullable(new ArrowType.Int(32, true)), null),
            new Field("score", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null),
            new Field("active", FieldType.nullable(ArrowType.Bool.INSTANCE), null),
            new Field("joined", FieldType.nullable(new ArrowType.Date(DateUnit.DAY)), null)));

    private Demo() {
    }

    /**
     * @param args optional number of users (default 200,000)
     */
    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_USERS;
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            run(url, users, System.out);
            return;
        }
        System.out.println("REDIS_URL is not set: starting " + LocalRedisServer.defaultBinary()
                .map(Path::toString).orElse("a local redis-server"));
        try (LocalRedisServer server = LocalRedisServer.start()) {
            System.out.println("Redis " + server.version() + " on " + server.url());
            run(server.url(), users, System.out);
        }
    }

    /**
     * Loads {@code users} hashes {@code demo:user:<n>} and scans them.
     *
     * @param url the Redis URL
     * @param users how many users to load
     * @param out where to print
     * @return rows scanned
     */
    public static long run(String url, int users, PrintStream out) {
        return run(url, DEFAULT_PREFIX, users, out);
    }

    /**
     * Loads {@code users} hashes {@code <prefix><n>} and scans them.
     *
     * @param url the Redis URL
     * @param prefix the keys' prefix, such as {@code demo:user:}
     * @param users how many users to load
     * @param out where to print
     * @return rows scanned
     */
    public static long run(String url, String prefix, int users, PrintStream out) {
        out.printf(Locale.ROOT, "loading %,d users into %s%n", users, url.replaceAll(":[^:@/]*@", ":***@"));
        load(url, prefix, users);
        try (RedisArrow redis = RedisArrow.connect(url)) {
            HashScan scan = HashScan.builder().pattern(prefix + "*").schema(USERS).build();
            long rows = 0;
            for (String pass : new String[] { "first pass (cold JVM)", "second pass" }) {
                AtomicLong counted = new AtomicLong();
                List<String> preview = new ArrayList<>();
                long start = System.nanoTime();
                redis.scanHashes(scan).doOnNext(batch -> {
                    try (batch) {
                        if (preview.isEmpty()) {
                            preview.addAll(table(batch.root(), 5));
                        }
                        counted.addAndGet(batch.rowCount());
                    }
                }).blockLast();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (rows == 0) {
                    preview.forEach(out::println);
                }
                rows = counted.get();
                out.println(rate(pass, rows, seconds, scan));
            }
            return rows;
        }
    }

    static String rate(String pass, long rows, double seconds, HashScan scan) {
        return String.format(Locale.ROOT, "%s: scanned %,d rows in %.2f s: %,.0f rows/s (batchSize %d, parallel %d)",
                pass, rows, seconds, rows / seconds, scan.batchSize(), scan.parallel());
    }

    private static List<String> table(VectorSchemaRoot root, int limit) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        root.getFieldVectors().forEach(v -> header.append(String.format(Locale.ROOT, "%-22s", v.getName())));
        lines.add(header.toString().stripTrailing());
        for (int row = 0; row < Math.min(limit, root.getRowCount()); row++) {
            StringBuilder line = new StringBuilder();
            for (var vector : root.getFieldVectors()) {
                Object value = vector.getObject(row);
                if (vector.getField().getType() instanceof ArrowType.Date && value != null) {
                    value = LocalDate.ofEpochDay(((Number) value).longValue());
                }
                line.append(String.format(Locale.ROOT, "%-22s", value));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * @param i the user's number
     * @param random the data's random source
     * @return the user's hash fields, numbers written in {@link Locale#ROOT} as the schema parses them
     */
    static Map<String, String> user(int i, Random random) {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("name", "user-" + i);
        user.put("age", Integer.toString(18 + random.nextInt(60)));
        user.put("score", String.format(Locale.ROOT, "%.2f", random.nextDouble() * 100));
        user.put("active", random.nextBoolean() ? "yes" : "no");
        user.put("joined", LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650)).toString());
        return user;
    }

    private static void load(String url, String prefix, int users) {
        Random random = new Random(42);
        HashLoader.load(url, users, i -> prefix + i, i -> user(i, random));
    }
}
