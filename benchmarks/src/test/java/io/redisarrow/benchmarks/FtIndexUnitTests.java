package io.redisarrow.benchmarks;

import io.redisarrow.benchmarks.json.JsonDocs;
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
    void onlyDatabaseZeroCanBeIndexed() {
        assertThat(FtIndex.unsupportedDatabase(0)).isEmpty();
        assertThat(FtIndex.unsupportedDatabase(3)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("database 0 only", "Cannot create index on db != 0", "the run's database is 3"));
    }

    @Test
    void theJsonIndexFollowsTheBenchmarkDocumentsByPrefix() {
        assertThat(FtIndex.jsonArguments(FtIndex.JSON_NAME, JsonDocs.KEY_PREFIX).toCommandString())
                .isEqualTo("bench:jidx ON JSON PREFIX 1 bench:doc: SCHEMA $.balance AS balance NUMERIC");
        assertThat(JsonDocs.key(7)).startsWith("bench:doc:");
        assertThat(FtIndex.hashArguments("t:idx", "t:").toCommandString())
                .isEqualTo("t:idx ON HASH PREFIX 1 t: SCHEMA balance NUMERIC");
    }

    @Test
    void theIndexFollowsTheBenchmarkHashesByPrefix() {
        assertThat(FtIndex.createArguments().toCommandString())
                .isEqualTo("bench:idx ON HASH PREFIX 1 bench:user: SCHEMA balance NUMERIC");
        assertThat(BenchData.key(7)).startsWith("bench:user:");
    }
}
