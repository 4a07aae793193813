package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.testing.LocalRedisServer;
import io.redisarrow.testing.ModulePaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark in one command: loads N hashes x 10 fields into Redis (a local redis-server with
 * the JSON and search modules of {@link #modules()}, started and stopped here, unless
 * {@code REDIS_URL} is set), then measures
 * in the same run every reader side by side (the server's ceiling, redis-arrow, a Jedis pipeline,
 * Lettuce's ScanStream), the batch size, projection and {@code parallel} sweeps (on loopback and
 * behind added latency), memory per row and under a slow subscriber, SCAN against RediSearch (hashes and
 * JSON documents), and N JSON documents read every way beside baselines of their own;
 * writes Markdown, CSV and PNG charts, and with {@code --docs} the performance guide. See
 * {@link Options#USAGE}.
 */
public final class HashScanBenchmark {

    private HashScanBenchmark() {
    }

    /**
     * Runs the benchmark and exits: 0 on success, 1 when a measurement failed, 2 on a bad option.
     *
     * @param args see {@link Options#USAGE}
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            String url = System.getenv("REDIS_URL");
            if (url != null && !url.isBlank()) {
                Progress.say("REDIS_URL is set: measuring %s", url.replaceAll(":[^:@/]*@", ":***@"));
                run(url, options, args);
            } else {
                List<Path> modules = modules();
                Progress.say("REDIS_URL is not set: starting a local redis-server%s", modules.isEmpty()
                        ? " without modules (no " + ModulePaths.PROPERTY + ", no " + ModulePaths.SHARED_DIRECTORY
                                + " beside the checkout)"
                        : " with " + modules);
                try (LocalRedisServer server = LocalRedisServer.builder().modules(modules.toArray(Path[]::new)).start()) {
                    Progress.say("local redis-server %s on %s, modules %s", server.facts().version(), server.url(),
                            server.facts().modules());
                    run(server.url(), options, args);
                }
                Progress.say("local redis-server stopped");
            }
        } catch (Throwable e) {
            Progress.say("FAILED: %s", e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String url, Options options, String[] args) throws Exception {
        long started = System.nanoTime();
        DataLoader.ensureLoaded(url, options.keys(), options.reuse());
        String loadAtStart = Facts.loadAverage();
        RedisClient admin = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            ServerCost cost = new ServerCost(connection.sync());
            Readers.Result readers = Readers.run(url, options.keys(), options.repetitions(), options.clients(), cost,
                    connection.sync());
            Bench bench = new Bench(url, options.keys(), options.repetitions(), cost, readers.baselines());
            List<Table> tables = new ArrayList<>(List.of(readers.table()));
            for (Options.Scenario scenario : options.scenarios()) {
                Progress.say("scenario: %s", scenario.name().toLowerCase(java.util.Locale.ROOT));
                tables.addAll(switch (scenario) {
                    case BATCH -> List.of(BatchSizeSweep.run(bench));
                    case PROJECTION -> List.of(ProjectionSweep.run(bench,
                            new ServerCeiling(url, options.keys(), connection.sync())));
                    case PARALLEL -> List.of(ParallelSweep.run(bench, options.latencies(), options.parallelRows(),
                            connection.sync()));
                    case MEMORY -> List.of(MemorySweep.run(bench, options.memorySizes()));
                    case SEARCH -> SearchScenario.run(bench, options.searchSizes());
                    case LARGE -> List.of(LargeReplySweep.run(bench, options.quick()));
                    case JSON -> List.of(JsonScenario.run(bench, options.clients(), options.reuse()));
                });
            }
            String command = "HashScanBenchmark " + String.join(" ", args) + " (" + (options.quick() ? "quick" : "full")
                    + " mode: keys " + options.keys() + ", repetitions " + options.repetitions() + ")";
            Findings findings = new Findings(tables);
            Report report = new Report(Facts.read(connection.sync(), options.keys(), loadAtStart), command, tables,
                    findings.summary(), findings.advice());
            Path written = report.write(options.out());
            System.out.println(Files.readString(written.resolve("report.md")));
            System.out.flush();
            Progress.say("written %s (report.md, a CSV per table, PNG charts)", written.toAbsolutePath().normalize());
            if (options.docs()) {
                Path docs = repositoryRoot().resolve("docs");
                report.writeDocs(written, docs);
                Progress.say("written %s", docs.resolve("performance.md").toAbsolutePath().normalize());
            }
            Progress.say("done in %.1f min", (System.nanoTime() - started) / 60e9);
        } finally {
            admin.shutdown();
        }
    }

    /**
     * @return the modules for the benchmark's own server: those {@code REDIS_ARROW_MODULES} names, else
     *         the JSON + search builds in {@code shared/servers/...} beside the checkout, when present
     */
    static List<Path> modules() {
        List<Path> configured = ModulePaths.configured();
        return configured.isEmpty() ? ModulePaths.sharedBuild(repositoryRoot()).orElse(List.of()) : configured;
    }

    /** @return the repository root: the working directory, or its parent when run in the module's directory */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("benchmarks")) ? here : here.getParent();
    }
}
