package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.JsonScan;
import io.redisarrow.benchmarks.json.JsonDocs;
import org.junit.jupiter.api.Test;

import java.util.List;

class JsonScenarioUnitTests {

    @Test
    void wholeDocumentsAreReadWithTheRootPathAndTheDefaults() {
        JsonScan scan = JsonScenario.Variant.DOCUMENTS.scan();

        assertThat(scan.requestedPaths()).containsExactly("$");
        assertThat(scan.mget()).isEqualTo(JsonScan.DEFAULT_MGET);
        assertThat(JsonScenario.Variant.DOCUMENTS_MGET.scan().mget()).isTrue();
        assertThat(scan.pattern()).isEqualTo(JsonDocs.PATTERN);
        assertThat(scan.schema()).isEqualTo(JsonDocs.SCHEMA);
        assertThat(scan.batchSize()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE);
        assertThat(scan.parallel()).isEqualTo(HashScan.DEFAULT_PARALLEL);
    }

    @Test
    void theProjectionAsksForTwoOfTheTenMembers() {
        JsonScan scan = JsonScenario.Variant.PROJECTED.scan();

        assertThat(scan.projection()).contains(JsonDocs.PROJECTED);
        assertThat(scan.requestedPaths()).containsExactly("$.name", "$.score");
    }

    @Test
    void thePathsReadTwoNestedValues() {
        JsonScan scan = JsonScenario.Variant.PATHS.scan();

        assertThat(scan.requestedPaths()).isEqualTo(List.of("$.address.city", "$.address.zip"));
        assertThat(scan.paths()).containsEntry("city", "$.address.city").containsEntry("zip", "$.address.zip");
    }

    @Test
    void everyLabelNamesWhatItReadsOnce() {
        assertThat(JsonScenario.Variant.PROJECTED.label).contains("name and score");
        assertThat(JsonScenario.Variant.PATHS.label).contains("$.address.city, $.address.zip");
        assertThat(List.of(JsonScenario.Variant.values()).stream().map(v -> v.label).distinct())
                .hasSize(JsonScenario.Variant.values().length);
    }

    @Test
    void theNoteSaysWhatEachRowSendsAndWhereTheDocumentsLive() {
        Bench bench = new Bench("redis://127.0.0.1:6379", 1000, 3, null, null);

        String note = JsonScenario.note(bench, 4, JsonLoader.documentsUrl(bench.url()));

        assertThat(note).startsWith("3 measured passes per reader").contains("live in database 1 of the same server",
                "(null in about 2 %)", "`redis-benchmark -P 100` row (4 clients): `JSON.GET bench:doc:__rand_int__ $`",
                "`project(name, score)`, read with `JSON.GET key $.name $.score`",
                "from `$.address.city` and `$.address.zip` with `path(...)`", "SCAN COUNT 1,000",
                "nothing copied into Arrow");
    }
}
