package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonLoaderUnitTests {

    @Test
    void documentsGoToTheDatabaseAfterTheRunsOne() {
        assertThat(JsonLoader.documentsUrl("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379/1");
        assertThat(JsonLoader.documentsUrl("redis://127.0.0.1:6379/")).isEqualTo("redis://127.0.0.1:6379/1");
        assertThat(JsonLoader.documentsUrl("redis://localhost:7000/3")).isEqualTo("redis://localhost:7000/4");
    }

    @Test
    void documentsUrlKeepsCredentialsSchemeAndOptions() {
        assertThat(JsonLoader.documentsUrl("rediss://user:p%40ss@host:6380/2?timeout=5s"))
                .isEqualTo("rediss://user:p%40ss@host:6380/3?timeout=5s");
        assertThat(JsonLoader.documentsUrl("redis://:secret@host?timeout=5s")).isEqualTo("redis://:secret@host/1?timeout=5s");
    }

    @Test
    void databaseIsZeroWhenTheUrlNamesNone() {
        assertThat(JsonLoader.database("redis://host:1")).isZero();
        assertThat(JsonLoader.database("redis://host:1/15")).isEqualTo(15);
    }

    @Test
    void aDatabaseThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> JsonLoader.documentsUrl("redis://host:1/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url must name its database");
    }
}
