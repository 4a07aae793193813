package io.redisarrow.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export --checkpoint} and {@code --resume} against a real Redis: an export stopped part way
 * (interrupted, or at {@code --limit}) goes on where it stopped, and the file then holds every key,
 * a key twice only around the checkpoint.
 */
@ExtendWith(RedisServerExtension.class)
class ExportResumeIntegrationTests {

    private static final int USERS = 3000;

    private static final int BATCH = 50;

    /** The SCAN COUNT of the export's scan: a resume reads at most one such page again. */
    private static final int PAGE = BATCH * HashScan.DEFAULT_PARALLEL;

    private static final String SCHEMA = "name:utf8,age:int32";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private RedisTestServer redis;

    private RedisClient client;

    private StatefulRedisConnection<String, String> connection;

    private String prefix;

    private Path checkpoint;

    @BeforeEach
    void load(RedisTestServer server) {
        redis = server;
        prefix = server.uniquePrefix("resume");
        client = RedisClient.create(server.url());
        connection = client.connect();
        RedisCommands<String, String> sync = connection.sync();
        for (int i = 0; i < USERS; i++) {
            sync.hset(prefix + i, Map.of("name", "user-" + i, "age", Integer.toString(i % 90)));
        }
        checkpoint = dir.resolve("users.cp");
    }

    @AfterEach
    void close() {
        RedisCommands<String, String> sync = connection.sync();
        List<String> keys = sync.keys(prefix + "*");
        if (!keys.isEmpty()) {
            sync.del(keys.toArray(String[]::new));
        }
        connection.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private String[] export(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "-u", redis.url(), "-p", prefix + "*", "-o", out.toString(),
                "--batch-size", Integer.toString(BATCH)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Runs an export that is interrupted once it has handed on {@code rows} rows. */
    private CliRun interruptedAfter(long rows, String... args) {
        Interruption interruption = Interruption.manual();
        return CliRun.run(interruption, seen -> {
            if (seen >= rows) {
                interruption.cancel();
            }
        }, new byte[0], args);
    }

    @Test
    void interruptedNdjsonExportResumesToEveryKey() throws Exception {
        Path out = dir.resolve("users.ndjson");

        CliRun first = interruptedAfter(1000, export(out, "-s", SCHEMA, "--checkpoint", checkpoint.toString()));

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(first.err()).contains("--resume " + checkpoint);
        ExportCheckpoint saved = ExportCheckpoint.read(checkpoint);
        assertThat(saved.scan()).isNotNull();
        assertThat(saved.bytes()).as("what the checkpoint says is in the file").isPositive()
                .isLessThanOrEqualTo(Files.size(out));
        List<String> before = keys(out);
        assertThat(before.size()).as("stopped part way: the batch that saw the interruption may not be written").isBetween(1000 - BATCH, USERS - 1);
        assertThat(saved.scan().rows()).isLessThanOrEqualTo(before.size());

        CliRun second = CliRun.run(export(out, "--resume", checkpoint.toString()));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains(String.format(java.util.Locale.ROOT, "in all with the runs before"));
        assertThat(checkpoint).as("a finished export removes its checkpoint").doesNotExist();
        assertEveryKeyOnceButAroundTheCheckpoint(keys(out));
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(out);
    }

    @Test
    void resumedCsvHasOneHeaderAndEveryKey() throws Exception {
        Path out = dir.resolve("users.csv");

        CliRun first = interruptedAfter(700, export(out, "-s", SCHEMA, "--checkpoint", checkpoint.toString()));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INTERRUPTED);
        CliRun second = CliRun.run(export(out, "--resume", checkpoint.toString(), "-q"));

        assertThat(second.exitCode()).as(second.err()).isZero();
        List<String> keys = new ArrayList<>();
        try (var parser = CsvEncoding.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out, StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).containsExactly("_key", "name", "age");
            for (CSVRecord record : parser) {
                assertThat(record.get("name")).as("no second header").isNotEqualTo("name");
                assertThat(record.get("name")).isEqualTo("user-" + record.get("_key").substring(prefix.length()));
                keys.add(record.get("_key"));
            }
        }
        assertEveryKeyOnceButAroundTheCheckpoint(keys);
    }

    @Test
    void resumeCutsOffABatchHalfWrittenWhenTheExportWasKilled() throws Exception {
        Path out = dir.resolve("users.ndjson");
        assertThat(interruptedAfter(500, export(out, "-s", SCHEMA, "--checkpoint", checkpoint.toString())).exitCode())
                .isEqualTo(ExitCodes.INTERRUPTED);
        Files.writeString(out, "{\"_key\":\"" + prefix + "half-writ", StandardOpenOption.APPEND);

        CliRun second = CliRun.run(export(out, "--resume", checkpoint.toString()));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertEveryKeyOnceButAroundTheCheckpoint(keys(out));
    }

    @Test
    void exportStoppedAtItsLimitGoesOnWithAHigherLimitThenToTheEnd() throws Exception {
        Path out = dir.resolve("users.ndjson");

        CliRun first = CliRun.run(export(out, "-s", SCHEMA, "--checkpoint", checkpoint.toString(), "--limit", "1000"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(keys(out)).hasSize(1000);
        assertThat(first.err()).contains("stopped at --limit");
        assertThat(checkpoint).as("kept: the scan has not ended").exists();
        assertThat(ExportCheckpoint.read(checkpoint).scan().rows())
                .as("not the checkpoint of the batch the limit cut, whose position counts keys cut off")
                .isLessThan(1000);

        CliRun second = CliRun.run(export(out, "--resume", checkpoint.toString(), "--limit", "2000"));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(keys(out)).as("the limit counts the rows of both runs").hasSize(2000);
        assertThat(new HashSet<>(keys(out)).size()).isGreaterThanOrEqualTo(2000 - PAGE);

        CliRun third = CliRun.run(export(out, "--resume", checkpoint.toString()));

        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(checkpoint).doesNotExist();
        assertEveryKeyOnceButAroundTheCheckpoint(keys(out), 2);
    }

    @Test
    void resumeTakesTheSchemaTheRowsWereWrittenWith() throws Exception {
        Path out = dir.resolve("users.ndjson");
        assertThat(interruptedAfter(500, export(out, "--checkpoint", checkpoint.toString(), "--sample", "50")).exitCode())
                .isEqualTo(ExitCodes.INTERRUPTED);
        for (int i = 0; i < USERS; i++) {
            connection.sync().hset(prefix + i, "city", "Lyon");
        }

        CliRun other = CliRun.run(export(out, "--resume", checkpoint.toString(), "-s", "name:utf8"));
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).contains("the rows already written have the schema", "leave -s out");

        CliRun second = CliRun.run(export(out, "--resume", checkpoint.toString()));

        assertThat(second.exitCode()).as(second.err()).isZero();
        Set<String> columns = new HashSet<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JSON.readTree(line).propertyNames().forEach(columns::add);
        }
        assertThat(columns).as("one schema over both runs, not one inferred again from hashes that now have a city")
                .containsExactlyInAnyOrder("_key", "name", "age");
    }

    @Test
    void resumeRefusesAnotherOutputOrPatternAndAFileShorterThanItsCheckpoint() throws Exception {
        Path out = dir.resolve("users.ndjson");
        assertThat(interruptedAfter(500, export(out, "-s", SCHEMA, "--checkpoint", checkpoint.toString())).exitCode())
                .isEqualTo(ExitCodes.INTERRUPTED);

        CliRun elsewhere = CliRun.run(export(dir.resolve("other.ndjson"), "--resume", checkpoint.toString()));
        assertThat(elsewhere.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(elsewhere.err()).contains("is the checkpoint of an export to " + out);

        CliRun otherPattern = CliRun.run("export", "-u", redis.url(), "-p", prefix + "1*", "-o", out.toString(),
                "--resume", checkpoint.toString());
        assertThat(otherPattern.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherPattern.err()).contains("is the checkpoint of an export of -p '" + prefix + "*'");

        CliRun asCsv = CliRun.run(export(out, "--resume", checkpoint.toString(), "-f", "csv"));
        assertThat(asCsv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(asCsv.err()).contains("checkpoint of a ndjson export, not csv");

        try (var channel = java.nio.channels.FileChannel.open(out, StandardOpenOption.WRITE)) {
            channel.truncate(ExportCheckpoint.read(checkpoint).bytes() - 1);
        }
        CliRun shorter = CliRun.run(export(out, "--resume", checkpoint.toString()));
        assertThat(shorter.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(shorter.err()).contains("fewer than the", "export again without --resume");
        assertThat(checkpoint).as("left for a look").exists();
    }

    @Test
    void arrowExportsAreNotCheckpointed() {
        CliRun run = CliRun.run(export(dir.resolve("users.arrow"), "-s", SCHEMA, "--checkpoint", checkpoint.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("need -f ndjson or csv, not arrow", "cannot be appended to");
        assertThat(dir.toFile().list()).isEmpty();
    }

    private void assertEveryKeyOnceButAroundTheCheckpoint(List<String> keys) {
        assertEveryKeyOnceButAroundTheCheckpoint(keys, 1);
    }

    /**
     * @param keys the keys of the file's rows, in order
     * @param resumes how many resumes the file went through: each may read one SCAN page again
     */
    private void assertEveryKeyOnceButAroundTheCheckpoint(List<String> keys, int resumes) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < USERS; i++) {
            expected.add(prefix + i);
        }
        Map<String, Integer> seen = new HashMap<>();
        keys.forEach(key -> seen.merge(key, 1, Integer::sum));
        assertThat(seen.keySet()).as("every key, and no other").isEqualTo(expected);
        assertThat(seen.values()).as("a key at most once per run").allMatch(times -> times <= resumes + 1);
        long again = keys.size() - seen.size();
        assertThat(again).as("rows read again around the checkpoint: at most one SCAN page (COUNT %d) per resume", PAGE)
                .isLessThanOrEqualTo((long) PAGE * resumes);
    }

    /** @return the {@code _key} of every line, each line parsed as a JSON object */
    private static List<String> keys(Path ndjson) throws Exception {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            JsonNode row = JSON.readTree(line);
            keys.add(row.get("_key").asString());
        }
        return keys;
    }
}
