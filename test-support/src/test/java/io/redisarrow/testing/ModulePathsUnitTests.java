package io.redisarrow.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModulePathsUnitTests {

    @Test
    void parsesCommaSeparatedPathsInOrder(@TempDir Path dir) throws IOException {
        Path json = Files.createFile(dir.resolve("libjson.so"));
        Path search = Files.createFile(dir.resolve("redisearch.so"));
        assertThat(ModulePaths.parse(json + " , " + search + ",")).containsExactly(json, search);
        assertThat(ModulePaths.parse(search + "," + json)).containsExactly(search, json);
        assertThat(ModulePaths.parse(null)).isEmpty();
        assertThat(ModulePaths.parse(" ")).isEmpty();
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.so");
        assertThatThrownBy(() -> ModulePaths.parse(missing.toString())).isInstanceOf(IllegalStateException.class)
                .hasMessage("REDIS_ARROW_MODULES names " + missing + ", which does not exist or cannot be read");
    }

    @Test
    void findsTheSharedBuildBesideAnyAncestor(@TempDir Path dir) throws IOException {
        Path modules = Files.createDirectories(dir.resolve(ModulePaths.SHARED_DIRECTORY));
        Path repository = Files.createDirectories(dir.resolve("wt").resolve("repo").resolve("benchmarks"));
        assertThat(ModulePaths.sharedBuild(repository)).isEmpty();
        Files.createFile(modules.resolve("libjson.so"));
        assertThat(ModulePaths.sharedBuild(repository)).isEmpty();
        Files.createFile(modules.resolve("redisearch.so"));
        assertThat(ModulePaths.sharedBuild(repository)).hasValue(List.of(modules.resolve("libjson.so"),
                modules.resolve("redisearch.so")));
    }
}
