package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class WriteCeilingUnitTests {

    private static final String HEADER = "\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\","
            + "\"p95_latency_ms\",\"p99_latency_ms\",\"max_latency_ms\"";

    @Test
    void theRateOfACommandWhoseDocumentHoldsCommasIsReadFromTheEnd() {
        List<String> output = List.of(HEADER, "\"JSON.SET bench:j:__rand_int__ $ {\"name\":\"a\",\"x\":1}\",\"476190.47\","
                + "\"0.796\",\"0.216\",\"0.735\",\"1.223\",\"1.447\",\"1.719\"");

        assertThat(WriteCeiling.rate(output, "JSON.SET")).isEqualTo(476190.47);
    }

    @Test
    void anotherTestsLineOrNoLineGivesNoRate() {
        assertThat(WriteCeiling.rate(List.of(HEADER, "\"HSET k f v\",\"1.0\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\""),
                "JSON.SET")).isNaN();
        assertThat(WriteCeiling.rate(List.of("Could not connect"), "HSET")).isNaN();
    }

    @Test
    void theHashCommandWritesEveryFieldWithItsValueToRandomKeysOfN() {
        String[] values = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j" };
        WriteCeiling ceiling = new WriteCeiling("redis://127.0.0.1:6379/2", 20_000, values, "{}");

        List<String> command = ceiling.hashCommand(4);

        assertThat(command).containsSubsequence("--dbnum", "2", "-P", "100", "-c", "4", "-n", "20000", "-r", "20000",
                "--csv", "HSET", "bench:w:__rand_int__", "name", "a", "email", "b");
        assertThat(command.subList(command.indexOf("HSET"), command.size())).hasSize(22).endsWith("updated", "j");
    }

    @Test
    void theJsonCommandSetsTheWholeDocumentAtTheRoot() {
        WriteCeiling ceiling = new WriteCeiling("redis://127.0.0.1:6379/2", 10, new String[10], "{\"a\":1}");

        assertThat(ceiling.jsonCommand(50)).endsWith("--csv", "JSON.SET", "bench:j:__rand_int__", "$", "{\"a\":1}");
    }
}
