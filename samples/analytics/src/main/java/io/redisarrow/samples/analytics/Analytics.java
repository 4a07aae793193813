package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.rounding.SegmentRoundingPolicy;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import reactor.core.publisher.Flux;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The analytics sample: loads users into Redis (unless {@code REDIS_URL} is set, into a local
 * server it starts itself), asks DuckDB for the top cities by average age over a scan streamed in
 * through the Arrow C Data interface, checks the answer with a plain-Java aggregation over the same
 * scan, and prints running aggregates computed with Reactor while a third scan runs. Prints the
 * table, the timings and the Arrow memory the library held while DuckDB read.
 */
public final class Analytics {

    /** Users the main loads unless {@code --users N} says otherwise. */
    public static final int DEFAULT_USERS = 1_000_000;

    /** The keys' prefix the main loads users under. */
    public static final String DEFAULT_PREFIX = "analytics:user:";

    /** Running-aggregate updates printed per scan, about. */
    static final int UPDATES = 5;

    private Analytics() {
    }

    /**
     * Runs the sample; exits with status 1 when the SQL and the Java aggregation disagree, 2 on bad
     * arguments.
     *
     * @param args {@code --users N} (default 1,000,000)
     * @throws SQLException when DuckDB fails
     */
    public static void main(String[] args) throws SQLException {
        int users;
        try {
            users = users(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: Analytics [--users N]");
            System.exit(2);
            return;
        }
        String url = System.getenv("REDIS_URL");
        boolean agreed;
        if (url != null && !url.isBlank()) {
            agreed = run(url, DEFAULT_PREFIX, users, System.out);
        } else {
            System.out.println("REDIS_URL is not set: starting " + LocalRedisServer.defaultBinary()
                    .map(Path::toString).orElse("a local redis-server"));
            try (LocalRedisServer server = LocalRedisServer.start()) {
                System.out.println("Redis " + server.version() + " on " + server.url());
                agreed = run(server.url(), DEFAULT_PREFIX, users, System.out);
            }
        }
        if (!agreed) {
            System.exit(1);
        }
    }

    /**
     * @param args the main's arguments
     * @return the number of users they ask for
     * @throws IllegalArgumentException naming the argument that is not understood
     */
    static int users(String[] args) {
        int users = DEFAULT_USERS;
        for (int i = 0; i < args.length; i++) {
            String value;
            if (args[i].equals("--users") && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith("--users=")) {
                value = args[i].substring("--users=".length());
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
            try {
                users = Integer.parseInt(value.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--users must be a whole number, was " + value);
            }
            if (users < 1) {
                throw new IllegalArgumentException("--users must be >= 1, was " + value);
            }
        }
        return users;
    }

    /**
     * Loads {@code users} hashes {@code <prefix><n>}, runs the query, checks it and prints all.
     *
     * @param url the Redis URL
     * @param prefix the keys' prefix
     * @param users how many users to load
     * @param out where to print
     * @return whether the SQL result, the Java aggregation and the last running aggregate agree
     * @throws SQLException when DuckDB fails
     */
    static boolean run(String url, String prefix, int users, PrintStream out) throws SQLException {
        out.printf(Locale.ROOT, "loading %,d users into %s%n", users, url.replaceAll(":[^:@/]*@", ":***@"));
        long start = System.nanoTime();
        Users.load(url, prefix, users);
        out.printf(Locale.ROOT, "loaded in %.1f s%n", seconds(start));
        HashScan scan = Users.scan(prefix);
        Schema schema = scan.batchSchema();
        // the batches in a child allocator, to tell their peak from that of the C structures DuckDB reads
        try (BufferAllocator root = new RootAllocator(AllocationListener.NOOP, Long.MAX_VALUE,
                        new SegmentRoundingPolicy(RedisArrow.ALLOCATION_SEGMENT_BYTES));
                BufferAllocator allocator = root.newChildAllocator("redis-arrow", 0, Long.MAX_VALUE);
                RedisArrow redis = RedisArrow.builder().url(url).allocator(allocator).build();
                Connection jdbc = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDBConnection duckdb = jdbc.unwrap(DuckDBConnection.class);
            out.println("DuckDB " + version(duckdb) + ": " + TopCities.SQL);

            AtomicLong batches = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            Flux<RecordBatch> counted = redis.scanHashes(scan).doOnNext(batch -> {
                batches.incrementAndGet();
                bytes.addAndGet(batch.bufferSize());
            });
            start = System.nanoTime();
            List<CityRow> sql = TopCities.sql(duckdb, counted, schema, allocator);
            double sqlSeconds = seconds(start);
            long peak = allocator.getPeakMemoryAllocation();
            out.println(header());
            sql.forEach(row -> out.println(row.format()));
            out.printf(Locale.ROOT, "SQL over %,d users streamed from Redis in %,d batches: %.2f s (%,.0f rows/s)%n",
                    users, batches.get(), sqlSeconds, users / sqlSeconds);
            long perBatch = bytes.get() / Math.max(1, batches.get());
            out.printf(Locale.ROOT, "Arrow memory held while DuckDB read: batches' peak %s (%.1f batches of %s;"
                    + " %s streamed in all), with the C structures %s%n", size(peak), (double) peak / Math.max(1, perBatch),
                    size(perBatch), size(bytes.get()), size(root.getPeakMemoryAllocation()));

            start = System.nanoTime();
            CityStats java = TopCities.java(redis.scanHashes(scan));
            List<CityRow> expected = java.top(TopCities.LIMIT);
            boolean same = agree(sql, expected);
            out.printf(Locale.ROOT, "Java aggregation over the same scan: %.2f s, %,d users; same table as the SQL: %s%n",
                    seconds(start), java.users(), same ? "yes" : "NO");
            if (!same) {
                out.println("expected:");
                expected.forEach(row -> out.println(row.format()));
            }

            int every = Math.max(1, users / scan.batchSize() / UPDATES);
            out.printf(Locale.ROOT, "running aggregates every %d batches while the scan runs:%n", every);
            long running = System.nanoTime();
            CityStats last = RunningAggregates.every(redis.scanHashes(scan), every)
                    .doOnNext(stats -> out.printf(Locale.ROOT, "  %.2f s %,10d users  top: %s%n", seconds(running),
                            stats.users(), stats.top(3).stream()
                                    .map(row -> String.format(Locale.ROOT, "%s %.2f", row.city(), row.avgAge()))
                                    .collect(Collectors.joining(", "))))
                    .blockLast();
            boolean finalAgrees = java.equals(last);
            out.println("last running aggregate equals the full aggregate: " + (finalAgrees ? "yes" : "NO"));
            return same && finalAgrees;
        }
    }

    /**
     * @param actual the SQL's rows
     * @param expected the Java aggregation's rows
     * @return whether they are the same cities in the same order with the same counts and averages
     */
    static boolean agree(List<CityRow> actual, List<CityRow> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).matches(expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-16s %8s %10s", "city", "avg_age", "users");
    }

    private static String version(DuckDBConnection duckdb) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
