package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The facts of the machine and server a run measured: cores, memory, OS, JVM, Redis and modules.
 */
record Facts(int keys, int cores, String memoryTotal, String os, String jvm, String redis, String modules, String date) {

    static Facts read(String url, int keys) {
        String redis = "unknown";
        String modules = "none";
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            for (String line : connection.sync().info("server").split("\r?\n")) {
                if (line.startsWith("redis_version:")) {
                    redis = line.substring("redis_version:".length());
                }
            }
            StringBuilder found = new StringBuilder();
            for (String line : connection.sync().info("modules").split("\r?\n")) {
                if (line.startsWith("module:name=")) {
                    String[] parts = line.substring("module:".length()).split(",");
                    found.append(found.length() == 0 ? "" : ", ").append(parts[0].substring(5)).append(' ')
                            .append(parts.length > 1 ? parts[1] : "");
                }
            }
            if (found.length() > 0) {
                modules = found.toString();
            }
        } finally {
            client.shutdown();
        }
        return new Facts(keys, Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), redis, modules,
                LocalDate.now().toString());
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }

    String describe() {
        return cores + " cores, " + memoryTotal + " RAM, " + os + ", " + jvm + ", Redis " + redis + " (modules: " + modules
                + "), " + date;
    }
}
