package io.redisarrow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module files a started {@code redis-server} loads: {@code REDIS_ARROW_MODULES}, a
 * comma-separated list of paths loaded in order with {@code --loadmodule} (JSON before search), read
 * from the system property of that name, else from the environment variable.
 *
 * <pre>{@code
 * REDIS_ARROW_MODULES=../shared/servers/valkey-8.0.1-json-search/modules/libjson.so,../shared/servers/valkey-8.0.1-json-search/modules/redisearch.so
 * }</pre>
 */
public final class ModulePaths {

    /** The system property and environment variable naming the modules. */
    public static final String PROPERTY = "REDIS_ARROW_MODULES";

    /** The module files of the shared JSON + search build, in load order. */
    public static final List<String> SHARED_FILES = List.of("libjson.so", "redisearch.so");

    /** Where the shared JSON + search build keeps them, relative to the folder that holds {@code shared}. */
    public static final Path SHARED_DIRECTORY = Path.of("shared", "servers", "valkey-8.0.1-json-search", "modules");

    private ModulePaths() {
    }

    /**
     * @return the modules {@code REDIS_ARROW_MODULES} names, in order; empty when it is not set
     * @throws IllegalStateException when a named file does not exist
     */
    public static List<Path> configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(PROPERTY);
        }
        return parse(value);
    }

    /**
     * @param value a comma-separated list of module paths, or null
     * @return the paths, in order
     * @throws IllegalStateException when a named file does not exist
     */
    static List<Path> parse(String value) {
        List<Path> paths = new ArrayList<>();
        if (value == null) {
            return paths;
        }
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Path path = Path.of(part.trim()).toAbsolutePath().normalize();
            if (!Files.isReadable(path)) {
                throw new IllegalStateException(PROPERTY + " names " + path + ", which does not exist or cannot be read");
            }
            paths.add(path);
        }
        return paths;
    }

    /**
     * Finds the shared JSON + search build beside a checkout: {@code <dir>/shared/servers/...} for
     * {@code from} and each of its parents, nearest first (so {@code ../shared} of a repository root).
     *
     * @param from the repository root or any folder in it
     * @return libjson.so and redisearch.so, in load order, when both are there
     */
    public static Optional<List<Path>> sharedBuild(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path modules = dir.resolve(SHARED_DIRECTORY);
            List<Path> files = SHARED_FILES.stream().map(modules::resolve).toList();
            if (files.stream().allMatch(Files::isReadable)) {
                return Optional.of(files);
            }
        }
        return Optional.empty();
    }
}
