package io.redisarrow.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class CliIntegrationTests {

    private static final int USERS = 1200;

    private static final String SCHEMA = "name:utf8,age:int32,score:float64";

    private static final String TRICKY = "Ann, \"the\" first\nline two ü";

    @TempDir
    Path dir;

    private RedisTestServer redis;

    private RedisClient client;

    private StatefulRedisConnection<String, String> connection;

    private RedisCommands<String, String> sync;

    private String prefix;

    @BeforeEach
    void load(RedisTestServer server) {
        redis = server;
        prefix = server.uniquePrefix("cli");
        client = RedisClient.create(server.url());
        connection = client.connect();
        sync = connection.sync();
        for (int i = 0; i < USERS; i++) {
            sync.hset(prefix + i, fields("name", "user-" + i, "age", Integer.toString(20 + i % 50),
                    "score", Double.toString(i / 4.0)));
        }
        sync.hset(prefix + "tricky", fields("name", TRICKY, "age", "33"));
        sync.hset(prefix + "empty", fields("name", "", "age", "1", "score", "0.5"));
    }

    /** Fields in the order given: inference orders fields by first appearance. */
    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @AfterEach
    void close() {
        connection.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private String[] export(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "-u", redis.url(), "-p", prefix + "*"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void exportsArrowFilesThatArrowsFileReaderReadsBack() throws Exception {
        exportsArrowThatArrowReadsBack("users.arrow", (in, allocator) -> new ArrowFileReader(
                java.nio.channels.FileChannel.open(dir.resolve("users.arrow")), allocator));
    }

    @Test
    void exportsArrowStreamsThatArrowsStreamReaderReadsBack() throws Exception {
        exportsArrowThatArrowReadsBack("users.arrows", ArrowStreamReader::new);
    }

    interface Opening {
        ArrowReader open(InputStream in, BufferAllocator allocator) throws Exception;
    }

    private void exportsArrowThatArrowReadsBack(String name, Opening opening) throws Exception {
        Path file = dir.resolve(name);
        CliRun run = CliRun.run(export("-s", SCHEMA, "-o", file.toString(), "--batch-size", "500"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("exported 1,202 rows");
        Map<String, List<Object>> rows = new HashMap<>();
        try (BufferAllocator allocator = new RootAllocator();
                InputStream in = Files.newInputStream(file);
                ArrowReader reader = opening.open(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getSchema().getFields()).extracting(f -> f.getName())
                    .containsExactly("_key", "name", "age", "score");
            while (reader.loadNextBatch()) {
                for (int r = 0; r < root.getRowCount(); r++) {
                    rows.put(root.getVector("_key").getObject(r).toString(), java.util.Arrays.asList(
                            String.valueOf(root.getVector("name").getObject(r)), root.getVector("age").getObject(r),
                            root.getVector("score").getObject(r)));
                }
            }
        }
        assertThat(rows).hasSize(USERS + 2);
        assertThat(rows.get(prefix + "7")).containsExactly("user-7", 27, 1.75);
        assertThat(rows.get(prefix + "tricky")).containsExactly(TRICKY, 33, null);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void exportsCsvThatCommonsCsvReadsBackKeepingEmptyApartFromNull() throws Exception {
        Path file = dir.resolve("users.csv");
        CliRun run = CliRun.run(export("-s", SCHEMA, "-o", file.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, CSVRecord> rows = new HashMap<>();
        try (var parser = CsvEncoding.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).containsExactly("_key", "name", "age", "score");
            parser.forEach(r -> rows.put(r.get("_key"), r));
        }
        assertThat(rows).hasSize(USERS + 2);
        assertThat(rows.get(prefix + "7").toList()).containsExactly(prefix + "7", "user-7", "27", "1.75");
        assertThat(rows.get(prefix + "tricky").get("name")).isEqualTo(TRICKY);
        assertThat(rows.get(prefix + "tricky").get("score")).isNull();
        assertThat(rows.get(prefix + "empty").get("name")).isEmpty();
    }

    @Test
    void exportsNdjsonThatJacksonReadsBack() throws Exception {
        Path file = dir.resolve("users.ndjson");
        CliRun run = CliRun.run(export("-s", SCHEMA, "-o", file.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode row = json.readTree(line);
            rows.put(row.get("_key").asString(), row);
        }
        assertThat(rows).hasSize(USERS + 2);
        assertThat(rows.get(prefix + "7").get("age").asInt()).isEqualTo(27);
        assertThat(rows.get(prefix + "7").get("score").asDouble()).isEqualTo(1.75);
        assertThat(rows.get(prefix + "tricky").get("name").asString()).isEqualTo(TRICKY);
        assertThat(rows.get(prefix + "tricky").get("score").isNull()).isTrue();
    }

    @Test
    void exportsToStdoutWithTheSchemaInferred() {
        CliRun run = CliRun.run(export("-o", "-", "-f", "csv", "--limit", "10"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outText().lines().toList();
        assertThat(lines.get(0)).startsWith("_key,");
        assertThat(lines.get(0).split(",")).containsExactlyInAnyOrder("_key", "name", "age", "score");
        assertThat(lines).hasSize(11);
        assertThat(run.err()).contains("exported 10 rows", "to -");
    }

    @Test
    void infersTheSchemaInTheFormExportTakes() {
        CliRun run = CliRun.run("infer", "-u", redis.url(), "-p", prefix + "*", "--sample", "5000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outText().strip().split(",")).as("the field order is the sample's")
                .containsExactlyInAnyOrder("name:utf8!", "age:int64!", "score:float64");
        CliRun export = CliRun.run(export("-s", run.outText().strip(), "-o", "-", "-f", "csv", "-q"));
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).isEmpty();
    }

    @Test
    void importsAnArrowExportBackIntoRedis() {
        Path file = dir.resolve("users.arrow");
        assertThat(CliRun.run(export("-s", SCHEMA, "-o", file.toString())).exitCode()).isZero();
        Map<String, Map<String, String>> before = hashes();
        sync.unlink(before.keySet().toArray(String[]::new));
        assertThat(hashes()).isEmpty();

        CliRun run = CliRun.run("import", "-u", redis.url(), "-i", file.toString(), "--ttl", "1h");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("imported 1,202 rows", "1,202 written");
        assertThat(hashes()).isEqualTo(before);
        assertThat(sync.ttl(prefix + "7")).isBetween(3500L, 3600L);
    }

    @Test
    void importsCsvTypedBySchemaWithAKeyTemplate() throws Exception {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "id,name,age\r\n1,\"Bo, \"\"B\"\"\",41\r\n2,\"\",\r\n");
        String target = redis.uniquePrefix("csv-in");

        CliRun run = CliRun.run("import", "-u", redis.url(), "-i", file.toString(), "-s", "age:int32",
                "--key-template", target + "{id}", "--mode", "replace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sync.hgetall(target + "1")).isEqualTo(Map.of("id", "1", "name", "Bo, \"B\"", "age", "41"));
        assertThat(sync.hgetall(target + "2")).isEqualTo(Map.of("id", "2", "name", ""));
    }

    @Test
    void csvValueThatDoesNotParseIsADataErrorNamingLineAndColumn() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "_key,age\r\n" + prefix + "x1,12\r\n" + prefix + "x2,twelve\r\n");

        CliRun run = CliRun.run("import", "-u", redis.url(), "-i", file.toString(), "-s", "age:int32");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("line 3", "column 'age'", "twelve", "int32");
    }

    @Test
    void importOfBytesThatAreNotArrowIsADataErrorInOneLine() throws Exception {
        Path file = Files.write(dir.resolve("garbage.arrow"), "this is not an Arrow stream at all".getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.run("import", "-u", redis.url(), "-i", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("redis-arrow import: ").contains("Arrow IPC");
    }

    @Test
    void importsAnArrowStreamFromStdin() {
        CliRun export = CliRun.run(export("-s", SCHEMA, "-o", "-", "-f", "arrows", "-q"));
        sync.unlink(hashes().keySet().toArray(String[]::new));

        CliRun run = CliRun.run(Interruption.manual(), rows -> { }, export.out(), "import", "-u", redis.url(), "-i", "-");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sync.hgetall(prefix + "tricky")).isEqualTo(Map.of("name", TRICKY, "age", "33"));
        assertThat(hashes()).hasSize(USERS + 2);
    }

    @Test
    void unreachableServerExitsTwoWithOneLineAndNoFile() {
        Path file = dir.resolve("never.arrow");
        CliRun run = CliRun.run("export", "-u", "redis://127.0.0.1:1", "-p", "x:*", "-s", "a:utf8", "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REDIS);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("redis-arrow export: ").contains("127.0.0.1:1");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void malformedUrlExitsOneWithOneLine() {
        CliRun run = CliRun.run("infer", "-u", "http://nowhere", "-p", "x:*");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void malformedSchemaExitsOneWithOneLine() {
        CliRun run = CliRun.run(export("-s", "name:utf8,age:int33", "-o", dir.resolve("x.arrow").toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown type 'int33'", "'age'");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun run = CliRun.run(export("-s", "name:nope", "-o", "-", "--debug"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines().size()).isGreaterThan(3);
        assertThat(run.err()).contains("at io.redisarrow.cli.SchemaText");
    }

    @Test
    void interruptedExportLeavesNoFile() {
        Path file = dir.resolve("cut.arrow");
        Interruption interruption = Interruption.manual();
        long[] seen = new long[1];

        CliRun run = CliRun.run(interruption, rows -> {
            seen[0] = rows;
            if (rows >= 200) {
                interruption.cancel();
            }
        }, new byte[0], export("-s", SCHEMA, "-o", file.toString(), "--batch-size", "100"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(seen[0]).isBetween(200L, 1000L);
        assertThat(dir.toFile().list()).as("neither the file nor its temporary file").isEmpty();
    }

    @Test
    void progressOnATerminalCountsKeysAgainstTheKeyCountThenEndsAtAHundredPercent() {
        long keyCount = sync.dbsize();

        CliRun run = CliRun.onTerminal(rows -> pause(120), export("-s", SCHEMA, "-o", dir.resolve("p.ndjson").toString(),
                "--batch-size", "100"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> frames = run.frames("export");
        assertThat(frames).as(run.err()).allSatisfy(frame -> assertThat(frame.length()).isLessThanOrEqualTo(79));
        java.util.regex.Pattern running = java.util.regex.Pattern.compile("export +(\\d+)% ([\\d,]+) of at most "
                + String.format(java.util.Locale.ROOT, "%,d", keyCount)
                + " keys, ([\\d,]+) rows \\(\\d+(:\\d\\d)+ / (\\d+(:\\d\\d)+|\\?)\\) [\\d,]+ rows/s");
        List<java.util.regex.Matcher> midway = frames.stream().map(running::matcher).filter(java.util.regex.Matcher::matches)
                .toList();
        assertThat(midway).as("frames while it ran, in %s", frames).hasSizeGreaterThanOrEqualTo(2);
        long[] last = { -1, -1 };
        for (java.util.regex.Matcher frame : midway) {
            long keys = Long.parseLong(frame.group(2).replace(",", ""));
            long rows = Long.parseLong(frame.group(3).replace(",", ""));
            assertThat(keys).as("keys delivered never go back").isGreaterThanOrEqualTo(last[0]);
            assertThat(rows).as("one row per hash").isEqualTo(keys);
            assertThat(Integer.parseInt(frame.group(1))).isEqualTo((int) Math.min(99, keys * 100 / keyCount));
            last[0] = keys;
        }
        assertThat(last[0]).as("some keys were delivered midway").isPositive();
        assertThat(frames.get(frames.size() - 1)).as("the last frame, once the scan has ended")
                .matches("export 100% 1,202 keys, 1,202 rows \\(\\d:\\d\\d:\\d\\d\\) [\\d,]+ rows/s");
        assertThat(run.err()).contains("exported 1,202 rows");
    }

    @Test
    void progressOfALimitedExportCountsRowsAgainstTheLimit() {
        CliRun run = CliRun.onTerminal(rows -> pause(150), export("-s", SCHEMA, "-o", dir.resolve("l.csv").toString(),
                "--batch-size", "100", "--limit", "500"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.frames("export")).as(run.err())
                .anySatisfy(frame -> assertThat(frame).containsPattern("export +\\d+% .*[\\d,]+ of 500 rows \\("))
                .last().asString().startsWith("export 100% ").contains(" 500 rows (");
    }

    @Test
    void quietDrawsNoProgressEvenOnATerminal() {
        CliRun run = CliRun.onTerminal(rows -> { }, export("-s", SCHEMA, "-o", dir.resolve("q.csv").toString(), "-q"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void benchWritesReadsAndCleansUp() {
        long keys = sync.dbsize();

        CliRun run = CliRun.run("bench", "-u", redis.url(), "-n", "3000", "--batch-size", "1000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outText()).containsPattern("writeHashes +3,000 rows in .* rows/s")
                .containsPattern("scanHashes +3,000 rows in .* rows/s");
        assertThat(sync.dbsize()).isEqualTo(keys);
    }

    @Test
    void demoLoadsUsersAndPrintsRowsAsCsv() {
        String demo = redis.uniquePrefix("demo");

        CliRun run = CliRun.run("demo", "-u", redis.url(), "--users", "500", "--rows", "3", "--prefix", demo);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outText().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("_key,").contains("name", "age", "score", "active", "joined");
        assertThat(lines.get(1)).startsWith("\"" + demo);
        assertThat(run.err()).contains("wrote 500 users", "inferred schema: ");
        assertThat(sync.keys(demo + "*")).hasSize(500);
    }

    private Map<String, Map<String, String>> hashes() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String key : sync.keys(prefix + "*")) {
            all.put(key, sync.hgetall(key));
        }
        return all;
    }

}
