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
 * JSON documents), N JSON documents read every way beside baselines of their own, and writes of
 * hashes and JSON documents every way ({@link WritesScenario}, a report of its own), and every
 * Redis type read beside its own baselines ({@link TypesScenario}, a report of its own), and the hash
 * scan of one node against a Redis Cluster ({@link ClusterScenario}, a report of its own, on servers it
 * starts itself);
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
        if (options.readers()) {
            DataLoader.ensureLoaded(url, options.keys(), options.reuse());
        }
        String loadAtStart = Facts.loadAverage();
        RedisClient admin = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            ServerCost cost = new ServerCost(connection.sync());
            List<Table> tables = new ArrayList<>();
            List<Table> writeTables = new ArrayList<>();
            List<Table> typeTables = new ArrayList<>();
            List<Table> clusterTables = new ArrayList<>();
            if (options.readers()) {
                Readers.Result readers = Readers.run(url, options.keys(), options.repetitions(), options.clients(), cost,
                        connection.sync());
                Bench bench = new Bench(url, options.keys(), options.repetitions(), cost, readers.baselines());
                tables.add(readers.table());
                for (Options.Scenario scenario : options.scenarios()) {
                    Progress.say("scenario: %s", scenario.name().toLowerCase(java.util.Locale.ROOT));
                    switch (scenario) {
                        case BATCH -> tables.add(BatchSizeSweep.run(bench));
                        case PROJECTION -> tables.add(ProjectionSweep.run(bench,
                                new ServerCeiling(url, options.keys(), connection.sync())));
                        case PARALLEL -> tables.add(ParallelSweep.run(bench, options.latencies(), options.parallelRows(),
                                connection.sync()));
                        case MEMORY -> tables.add(MemorySweep.run(bench, options.memorySizes()));
                        case SEARCH -> tables.addAll(SearchScenario.run(bench, options.searchSizes()));
                        case LARGE -> tables.add(LargeReplySweep.run(bench, options.quick()));
                        case JSON -> tables.add(JsonScenario.run(bench, options.clients(), options.reuse()));
                        case WRITES -> writeTables.addAll(writes(url, options, cost));
                        case TYPES -> typeTables.add(types(url, options, cost));
                        case CLUSTER -> clusterTables.add(ClusterScenario.run(options.keys(), options.repetitions()));
                    }
                }
            } else {
                for (Options.Scenario scenario : options.scenarios()) {
                    Progress.say("scenario: %s", scenario.name().toLowerCase(java.util.Locale.ROOT));
                    switch (scenario) {
                        case WRITES -> writeTables.addAll(writes(url, options, cost));
                        case TYPES -> typeTables.add(types(url, options, cost));
                        case CLUSTER -> clusterTables.add(ClusterScenario.run(options.keys(), options.repetitions()));
                        default -> throw new IllegalStateException(scenario + " needs the readers table");
                    }
                }
            }
            String command = "HashScanBenchmark " + String.join(" ", args) + " (" + (options.quick() ? "quick" : "full")
                    + " mode: keys " + options.keys() + ", write rows " + options.writeRows() + ", types elements "
                    + options.typesElements() + ", repetitions " + options.repetitions() + ")";
            Facts facts = Facts.read(connection.sync(), options.keys(), loadAtStart);
            Path written;
            Report report = null;
            if (!tables.isEmpty()) {
                Findings findings = new Findings(tables);
                report = new Report(facts, command, tables, findings.summary(), findings.advice());
                written = report.write(options.out());
                System.out.println(Files.readString(written.resolve("report.md")));
                Progress.say("written %s (report.md, a CSV per table, PNG charts)", written.toAbsolutePath().normalize());
            } else {
                written = Report.newDirectory(options.out());
            }
            List<PageReport> pages = new ArrayList<>();
            if (!writeTables.isEmpty()) {
                pages.add(WriteReport.of(facts, options.writeRows(), command, writeTables));
            }
            if (!typeTables.isEmpty()) {
                pages.add(TypesReport.of(facts, options.typesElements(), command, typeTables.get(0)));
            }
            if (!clusterTables.isEmpty()) {
                pages.add(ClusterReport.of(facts, options.keys(), command, clusterTables.get(0)));
            }
            for (PageReport page : pages) {
                Path file = page.write(written);
                System.out.println(Files.readString(file));
                Progress.say("written %s (and a CSV per table)", file.toAbsolutePath().normalize());
            }
            System.out.flush();
            if (options.docs()) {
                Path docs = repositoryRoot().resolve("docs");
                if (report != null) {
                    report.writeDocs(written, docs);
                    Progress.say("written %s", docs.resolve("performance.md").toAbsolutePath().normalize());
                }
                for (PageReport page : pages) {
                    Progress.say("written %s", page.writeDocs(docs).toAbsolutePath().normalize());
                }
            }
            Progress.say("done in %.1f min", (System.nanoTime() - started) / 60e9);
        } finally {
            admin.shutdown();
        }
    }

    private static Table types(String url, Options options, ServerCost cost) {
        return TypesScenario.run(url, options.typesElements(), options.repetitions(), cost);
    }

    private static List<Table> writes(String url, Options options, ServerCost cost) {
        return WritesScenario.run(url, options.writeRows(), options.repetitions(), options.clients(), cost);
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
