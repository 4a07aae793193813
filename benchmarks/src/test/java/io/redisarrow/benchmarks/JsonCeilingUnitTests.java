package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class JsonCeilingUnitTests {

    @Test
    void asksForWholeDocumentsOfExistingKeysInTheDocumentsDatabase() {
        JsonCeiling ceiling = new JsonCeiling("redis://127.0.0.1:6390/1", 1000, null);

        assertThat(ceiling.command(4)).isEqualTo(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", "6390", "--dbnum",
                "1", "-P", "100", "-c", "4", "-n", "500000", "-r", "1000", "--csv", "JSON.GET", "bench:doc:__rand_int__",
                "$"));
    }

    @Test
    void sendsOneRequestPerDocumentWhenThereAreMoreThanHalfAMillion() {
        assertThat(new JsonCeiling("redis://h:1/1", 1_000_000, null).requests()).isEqualTo(1_000_000);
        assertThat(new JsonCeiling("redis://h:1/1", 100_000, null).requests()).isEqualTo(500_000);
    }

    @Test
    void scenarioNamesTheCommandAndTheClients() {
        assertThat(JsonCeiling.scenario(50)).isEqualTo("server ceiling: redis-benchmark -P 100 -c 50 JSON.GET $");
    }
}
