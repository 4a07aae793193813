package io.redisarrow.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FtIndexUnitTests {

    @Test
    void rediSearch1IsRefusedSayingWhatToUse() {
        assertThat(FtIndex.unsupported(Optional.of(10205))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("RediSearch 2.0 or later needed (Redis Stack, Redis 8, or the modules in ../shared/servers/")
                .contains("the server has RediSearch 1.2.5"));
        assertThat(FtIndex.unsupported(Optional.empty())).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no RediSearch", "RediSearch 2.0 or later needed (Redis Stack, Redis 8"));
    }

    @Test
    void rediSearch2AndRedis8AreAccepted() {
        assertThat(FtIndex.unsupported(Optional.of(20000))).isEmpty();
        assertThat(FtIndex.unsupported(Optional.of(20637))).isEmpty();
        assertThat(FtIndex.unsupported(Optional.of(80200))).isEmpty();
    }

    @Test
    void theIndexFollowsTheBenchmarkHashesByPrefix() {
        assertThat(FtIndex.createArguments().toCommandString())
                .isEqualTo("bench:idx ON HASH PREFIX 1 bench:user: SCHEMA balance NUMERIC");
        assertThat(BenchData.key(7)).startsWith("bench:user:");
    }
}
