package io.redisarrow.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleRequirementUnitTests {

    private static final ServerFacts PLAIN = new ServerFacts("7.0.15", Map.of());

    private static final ServerFacts SHARED_BUILD = new ServerFacts("7.0.15", Map.of("json", 999999, "search", 20637));

    private static final ServerFacts REDIS_8 = new ServerFacts("8.0.2", Map.of("ReJSON", 80200, "search", 80200,
            "timeseries", 80200));

    private static final ServerFacts SEARCH_1 = new ServerFacts("7.0.15", Map.of("ft", 10205));

    @Test
    void factsNameTheModulesOfBothBuilds() {
        assertThat(SHARED_BUILD.hasJson()).isTrue();
        assertThat(SHARED_BUILD.hasSearch()).isTrue();
        assertThat(REDIS_8.hasJson()).isTrue();
        assertThat(REDIS_8.hasSearch()).isTrue();
        assertThat(REDIS_8.modules()).containsKey("rejson");
        assertThat(PLAIN.hasJson()).isFalse();
        assertThat(PLAIN.hasSearch()).isFalse();
        assertThat(SEARCH_1.searchVersion()).hasValue(10205);
        assertThat(SEARCH_1.hasSearch()).isFalse();
    }

    @Test
    void aServerWithTheModulesPassesInAndOutOfCi() {
        for (boolean ci : new boolean[] { false, true }) {
            assertThatCode(() -> ModuleRequirement.require(SHARED_BUILD, "h:1", List.of(RedisModule.JSON,
                    RedisModule.SEARCH), ci)).doesNotThrowAnyException();
            assertThatCode(() -> ModuleRequirement.require(REDIS_8, "h:1", List.of(RedisModule.JSON,
                    RedisModule.SEARCH), ci)).doesNotThrowAnyException();
        }
        assertThatCode(() -> ModuleRequirement.require(PLAIN, "h:1", List.of(), true)).doesNotThrowAnyException();
    }

    @Test
    void aMissingModuleSkipsOutsideCiSayingWhatToSet() {
        assertThatThrownBy(() -> ModuleRequirement.require(PLAIN, "127.0.0.1:6390", List.of(RedisModule.JSON), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Redis 7.0.15 at 127.0.0.1:6390")
                .hasMessageContaining("the JSON module (RedisJSON 2 or valkey-json) is not loaded")
                .hasMessageContaining("REDIS_ARROW_MODULES")
                .hasMessageContaining("libjson.so,redisearch.so");
    }

    @Test
    void aMissingModuleFailsInCi() {
        assertThatThrownBy(() -> ModuleRequirement.require(PLAIN, "h:1",
                List.of(RedisModule.SEARCH), true))
                .isInstanceOf(AssertionFailedError.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("CI=true")
                .hasMessageContaining("RediSearch is not loaded (RediSearch 2.0 or later needed)");
        assertThatThrownBy(() -> ModuleRequirement.require(new ServerFacts("7.0.15", Map.of("search", 20637)), "h:1",
                List.of(RedisModule.JSON, RedisModule.SEARCH), true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("JSON");
    }

    @Test
    void rediSearch1IsRefusedWithTheVersionItHas() {
        assertThat(ModuleRequirement.problem(SEARCH_1, RedisModule.SEARCH)).hasValueSatisfying(problem -> assertThat(
                problem).startsWith("RediSearch 2.0 or later needed (Redis Stack, Redis 8, or the modules in ")
                .endsWith("the server has RediSearch 1.2.5"));
        assertThatThrownBy(() -> ModuleRequirement.require(SEARCH_1, "h:1", List.of(RedisModule.SEARCH), false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("RediSearch 2.0 or later needed");
        assertThatThrownBy(() -> ModuleRequirement.require(SEARCH_1, "h:1", List.of(RedisModule.SEARCH), true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("RediSearch 2.0 or later needed");
    }

    @Test
    void theServerInterfaceRequiresThroughTheSameCheck() {
        RedisTestServer plain = new ExternalServer("redis://h:1", "h", 1, PLAIN);
        RedisTestServer modules = new ExternalServer("redis://h:1", "h", 1, SHARED_BUILD);
        assertThatCode(modules::requireJson).doesNotThrowAnyException();
        assertThatCode(modules::requireSearch).doesNotThrowAnyException();
        // outside CI a skip, in CI a failure: either way the test does not pass
        assertThatThrownBy(plain::requireJson).isInstanceOf(ModuleRequirement.inCi()
                ? AssertionFailedError.class : TestAbortedException.class);
        assertThatThrownBy(plain::requireSearch).hasMessageContaining("RediSearch");
    }
}
