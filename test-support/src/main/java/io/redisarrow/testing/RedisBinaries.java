package io.redisarrow.testing;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@code redis-server} binary comes from: PATH (and the usual install folders), else the
 * Redis 6.2 binary shipped inside {@code com.github.codemonstur:embedded-redis} (Linux and macOS on
 * amd64/arm64), extracted once per JVM to a temporary folder removed at exit.
 */
final class RedisBinaries {

    private RedisBinaries() {
    }

    /** @return the {@code redis-server} on PATH or in the usual places, if any */
    static Optional<Path> onPath() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Paths.get(dir, "redis-server"));
                }
            }
        }
        for (String dir : new String[] { "/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin" }) {
            candidates.add(Paths.get(dir, "redis-server"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** @return the embedded binary for this OS and architecture, extracted, if the jar has one */
    static Optional<Path> embedded() {
        return Embedded.BINARY;
    }

    /** Extracts on first use only. */
    private static final class Embedded {

        static final Optional<Path> BINARY = extract();

        private Embedded() {
        }

        private static Optional<Path> extract() {
            try {
                Path directory = Files.createTempDirectory("redis-arrow-embedded-");
                directory.toFile().deleteOnExit();
                File binary = ExecutableProvider.newJarResourceProvider(directory.toFile()).get();
                binary.deleteOnExit();
                return binary.canExecute() ? Optional.of(binary.toPath()) : Optional.empty();
            } catch (IOException | RuntimeException unsupported) {
                // no binary for this OS or architecture in the jar
                return Optional.empty();
            }
        }
    }
}
