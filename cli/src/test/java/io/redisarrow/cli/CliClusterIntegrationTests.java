package io.redisarrow.cli;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export} of a real Redis Cluster, given the URL of one node: every master's keys. */
@ExtendWith(RedisClusterExtension.class)
class CliClusterIntegrationTests {

    private static final int USERS = 2000;

    private static final int BATCH = 50;

    private static final String SCHEMA = "name:utf8,age:int32";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private LocalRedisCluster cluster;

    private String prefix;

    @BeforeEach
    void load(LocalRedisCluster shared) {
        cluster = shared;
        cluster.flushAll();
        prefix = "cli:" + UUID.randomUUID() + ":";
        RedisClusterClient client = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            for (int i = 0; i < USERS; i++) {
                connection.sync().hset(prefix + i, Map.of("name", "user-" + i, "age", Integer.toString(i % 90)));
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @AfterEach
    void empty() {
        cluster.flushAll();
    }

    private String[] export(String url, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "-u", url, "-p", prefix + "*", "-s", SCHEMA, "-o",
                out.toString(), "--batch-size", Integer.toString(BATCH)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void exportFromAReplicasUrlGetsEveryMastersKeysWithProgressAgainstTheirCount() throws Exception {
        ClusterNode replica = cluster.replicas().get(cluster.replicas().size() - 1);
        Path out = dir.resolve("users.ndjson");

        CliRun run = CliRun.onTerminal(rows -> { }, export(replica.url(), out));

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Integer> seen = keys(out);
        assertThat(seen).hasSize(USERS).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
        assertThat(seen.keySet()).allMatch(key -> key.startsWith(prefix));
        assertThat(run.frames("export")).as("keys of every master, counted once")
                .allSatisfy(frame -> assertThat(frame).satisfiesAnyOf(
                        f -> assertThat(f).contains(" of at most 2,000 keys, "),
                        f -> assertThat(f).startsWith("export 100% 2,000 keys, 2,000 rows (")));
        assertThat(run.err()).contains("exported 2,000 rows");
    }

    @Test
    void interruptedClusterExportResumesToEveryKey() throws Exception {
        String url = cluster.masters().get(1).url();
        Path out = dir.resolve("users.ndjson");
        Path checkpoint = dir.resolve("users.cp");
        Interruption interruption = Interruption.manual();

        CliRun first = CliRun.run(interruption, rows -> {
            if (rows >= 800) {
                interruption.cancel();
            }
        }, new byte[0], export(url, out, "--checkpoint", checkpoint.toString()));

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(ExportCheckpoint.read(checkpoint).scan().nodes())
                .as("a position per master that has handed batches on (the others start over)")
                .hasSizeBetween(1, cluster.masters().size());
        assertThat(keys(out).size()).isLessThan(USERS);

        CliRun second = CliRun.run(export(url, out, "--resume", checkpoint.toString()));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(checkpoint).doesNotExist();
        Map<String, Integer> seen = keys(out);
        assertThat(seen).hasSize(USERS);
        long again = seen.values().stream().mapToLong(times -> times - 1).sum();
        int page = BATCH * HashScan.DEFAULT_PARALLEL;
        assertThat(again).as("read again: at most one SCAN page (COUNT %d) per master", page)
                .isLessThanOrEqualTo((long) page * cluster.masters().size());
    }

    /** @return how many rows each key has in the file */
    private static Map<String, Integer> keys(Path ndjson) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            seen.merge(JSON.readTree(line).get("_key").asString(), 1, Integer::sum);
        }
        return seen;
    }
}
