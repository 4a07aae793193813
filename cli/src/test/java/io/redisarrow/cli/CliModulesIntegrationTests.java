package io.redisarrow.cli;

import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchIndex;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class CliModulesIntegrationTests {

    private static final int ROWS = 300;

    @TempDir
    Path dir;

    private static Path csv(Path dir, String prefix) throws Exception {
        StringBuilder text = new StringBuilder("_key,name,age\r\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(prefix).append(i).append(",\"user ").append(i).append("\",").append(20 + i % 40).append("\r\n");
        }
        return Files.writeString(dir.resolve("in.csv"), text);
    }

    @Test
    void importsCsvAsJsonDocumentsAndExportsThemBackAsNdjson(RedisTestServer redis) throws Exception {
        String prefix = redis.uniquePrefix("cli-json");
        CliRun in = CliRun.run("import", "-u", redis.url(), "-i", csv(dir, prefix).toString(), "--as", "json",
                "-s", "age:int64");
        assertThat(in.exitCode()).as(in.err()).isZero();

        Path out = dir.resolve("docs.ndjson");
        CliRun export = CliRun.run("export", "-u", redis.url(), "-j", prefix + "*", "-o", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(ROWS);
        JsonNode row = lines.stream().map(json::readTree).filter(n -> n.get("_key").asString().equals(prefix + "7"))
                .findFirst().orElseThrow();
        assertThat(row.get("name").asString()).isEqualTo("user 7");
        assertThat(row.get("age").isIntegralNumber()).as("age was imported as a JSON number").isTrue();
        assertThat(row.get("age").asInt()).isEqualTo(27);
    }

    @Test
    void exportsASearchQueryTypedByTheIndex(RedisTestServer redis) throws Exception {
        String prefix = redis.uniquePrefix("cli-search");
        String index = "idx-" + prefix.replace(":", "-");
        assertThat(CliRun.run("import", "-u", redis.url(), "-i", csv(dir, prefix).toString(), "-s", "age:int32")
                .exitCode()).isZero();
        try (RedisArrow arrow = RedisArrow.connect(redis.url())) {
            arrow.createIndex(SearchIndex.builder().name(index).prefix(prefix)
                    .schema(SchemaText.parse("name:utf8,age:int32")).text("name").build()).block();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (arrow.indexInfo(index).block().indexing() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try {
                Path out = dir.resolve("found.csv");
                CliRun run = CliRun.run("export", "-u", redis.url(), "-i", index, "--query", "@age:[30 39]",
                        "-o", out.toString());

                assertThat(run.exitCode()).as(run.err()).isZero();
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                assertThat(lines.get(0)).isEqualTo("_key,name,age");
                long expected = java.util.stream.IntStream.range(0, ROWS).filter(i -> 20 + i % 40 >= 30 && 20 + i % 40 <= 39).count();
                assertThat(lines).hasSize((int) expected + 1);
                assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
                    double age = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
                    assertThat(age).isBetween(30.0, 39.0);
                });
            } finally {
                arrow.dropIndex(index).block();
            }
        }
    }

    @Test
    void infersTheSchemaOfJsonDocuments(RedisTestServer redis) throws Exception {
        String prefix = redis.uniquePrefix("cli-infer-json");
        assertThat(CliRun.run("import", "-u", redis.url(), "-i", csv(dir, prefix).toString(), "--as", "json",
                "-s", "age:int64").exitCode()).isZero();

        CliRun run = CliRun.run("infer", "-u", redis.url(), "-j", prefix + "*");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outText().strip().split(",")).containsExactlyInAnyOrder("name:utf8!", "age:int64!");
    }
}
