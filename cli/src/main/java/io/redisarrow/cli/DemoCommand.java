package io.redisarrow.cli;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.HashWrite;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.WriteResult;
import org.apache.arrow.vector.types.pojo.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code demo}: loads made-up users, infers their schema and exports a few rows as CSV to stdout. */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Load made-up users and print a few rows (starts its own Redis).",
        description = { "Load made-up users into Redis (one it starts itself unless --url or",
            "REDIS_URL is given), infer their schema, print a few rows as CSV." })
final class DemoCommand implements Callable<Integer> {

    /** The demo's key prefix. */
    static final String PREFIX = "demo:user:";

    private final Streams streams;

    @Option(names = "--users", paramLabel = "N", defaultValue = "10000",
            description = "Users to load (default: ${DEFAULT-VALUE}).")
    long users;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5",
            description = "Rows to print (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = PREFIX,
            description = "Key prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Mixin
    CommonOptions common;

    DemoCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (users < 1 || rows < 1) {
            throw new IllegalArgumentException("--users and --rows must be >= 1");
        }
        PrintStream err = streams.err();
        try (OwnRedis server = OwnRedis.of(common.givenUrl(), err);
                RedisArrow redis = RedisArrow.connect(server.url());
                Interruption.Work work = streams.interruption().begin();
                Output output = Output.open("-", streams.out())) {
            long start = System.nanoTime();
            WriteResult total = redis.writeHashes(Users.batches(users, 5000, redis.allocator()),
                    HashWrite.builder().keyTemplate(prefix + "{id}").exclude("id").mode(WriteMode.REPLACE).build())
                    .reduce((a, b) -> b).block();
            err.printf(Locale.ROOT, "wrote %,d users as hashes %s<id> in %.2f s%n", users, prefix,
                    (System.nanoTime() - start) / 1e9);
            Schema schema = redis.inferHashSchema(prefix + "*", 1000).block();
            err.println("inferred schema: " + SchemaText.format(schema));
            HashScan scan = HashScan.builder().pattern(prefix + "*").schema(schema).limit(rows).build();
            boolean completed = Pipeline.drain(CsvEncoding.write(scan.batchSchema(), redis.scanHashes(scan))
                    .doOnNext(output::write), work);
            output.commit();
            return completed && total != null ? ExitCodes.OK : ExitCodes.INTERRUPTED;
        }
    }
}
