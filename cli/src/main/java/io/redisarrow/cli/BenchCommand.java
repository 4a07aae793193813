package io.redisarrow.cli;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.HashWrite;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.WriteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code bench}: writes N users with writeHashes, reads them back with scanHashes, prints both rates. */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Write and read N hashes, print rows/s.",
        description = { "A quick run: write N hashes with writeHashes, read them back with",
            "scanHashes, print rows/s for both, then delete them. Not the full",
            "benchmark (see the benchmarks module)." })
final class BenchCommand implements Callable<Integer> {

    /** How long an interrupted run waits for the batches in flight to be closed. */

    private final Streams streams;

    @Option(names = { "-n", "--rows" }, paramLabel = "N", defaultValue = "100000",
            description = "Rows to write and read (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000",
            description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    CommonOptions common;

    BenchCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (rows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--rows and --batch-size must be >= 1");
        }
        PrintStream out = new PrintStream(streams.out(), true, StandardCharsets.UTF_8);
        String prefix = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        try (OwnRedis server = OwnRedis.of(common.givenUrl(), streams.err());
                RedisArrow redis = RedisArrow.connect(server.url())) {
            try (Interruption.Work work = streams.interruption().begin()) {
                AtomicLong written = new AtomicLong();
                long start = System.nanoTime();
                boolean done = Pipeline.drain(redis.writeHashes(Users.batches(rows, batchSize, redis.allocator()),
                        HashWrite.builder().keyTemplate(prefix + "{id}").exclude("id").mode(WriteMode.REPLACE).build())
                        .doOnNext((WriteResult r) -> written.addAndGet(r.written())), work);
                if (!done) {
                    return ExitCodes.INTERRUPTED;
                }
                out.println(rate("writeHashes", written.get(), start));
                AtomicLong read = new AtomicLong();
                HashScan scan = HashScan.builder().pattern(prefix + "*").schema(Users.STORED).noKeyColumn()
                        .batchSize(batchSize).build();
                start = System.nanoTime();
                done = Pipeline.drain(redis.scanHashes(scan).doOnNext((RecordBatch b) -> {
                    try (b) {
                        read.addAndGet(b.rowCount());
                    }
                }), work);
                if (!done) {
                    return ExitCodes.INTERRUPTED;
                }
                out.println(rate("scanHashes", read.get(), start));
                return ExitCodes.OK;
            } finally {
                unlink(server.url(), prefix);
            }
        }
    }

    private static String rate(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%-12s %,12d rows in %6.2f s: %,12.0f rows/s", what, count, seconds,
                count / Math.max(seconds, 1e-9));
    }

    private static void unlink(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator<String> scan = ScanIterator.scan(connection.sync(), KeyScanArgs.Builder.matches(prefix + "*").limit(1000));
            while (scan.hasNext()) {
                keys.add(scan.next());
                if (keys.size() == 1000) {
                    connection.sync().unlink(keys.toArray(String[]::new));
                    keys.clear();
                }
            }
            if (!keys.isEmpty()) {
                connection.sync().unlink(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
