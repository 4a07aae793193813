package io.redisarrow.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A server started with the JSON and search module files reports both, in load order. */
class ModulesIntegrationTests {

    /** @return the module files: REDIS_ARROW_MODULES, else the shared build beside the checkout */
    static List<Path> moduleFiles() {
        List<Path> configured = ModulePaths.configured();
        if (!configured.isEmpty()) {
            return configured;
        }
        List<Path> shared = ModulePaths.sharedBuild(Path.of("")).orElse(List.of());
        if (shared.isEmpty() && ModuleRequirement.inCi()) {
            fail("CI=true but neither " + ModulePaths.PROPERTY + " nor " + ModulePaths.SHARED_DIRECTORY
                    + " beside the checkout names the module files");
        }
        Assumptions.assumeFalse(shared.isEmpty(), "no module files: set " + ModulePaths.PROPERTY);
        return shared;
    }

    @Test
    void aServerStartedWithTheModulesReportsJsonAndSearch2() {
        List<Path> modules = moduleFiles();
        Assumptions.assumeTrue(LocalRedisServer.findRedisServer().isPresent(), "redis-server is not installed");
        try (LocalRedisServer server = LocalRedisServer.builder().modules(modules.toArray(Path[]::new)).start()) {
            assertThat(server.hasJson()).isTrue();
            assertThat(server.hasSearch()).isTrue();
            assertThat(server.facts().searchVersion().getAsInt()).isGreaterThanOrEqualTo(ServerFacts.SEARCH_2_0);
            server.requireJson();
            server.requireSearch();
        }
    }

    @Test
    void aServerStartedWithoutModulesReportsNone() {
        Assumptions.assumeTrue(LocalRedisServer.findRedisServer().isPresent(), "redis-server is not installed");
        try (LocalRedisServer server = LocalRedisServer.builder().noModules().start()) {
            assertThat(server.hasJson()).isFalse();
            assertThat(server.hasSearch()).isFalse();
            assertThat(server.facts().searchVersion()).isEmpty();
        }
    }
}
