package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The facts of the machine, JVM and server a run measured, for the report's header.
 */
record Facts(int keys, long dbSize, String cores, String cpu, String memory, String os, String load, String jvm,
        String jvmFlags, String redis, String modules, String redisBenchmark, String libraries, String date) {

    /**
     * @param redis a connection to the measured server
     * @param keys N
     * @param loadAtStart {@link #loadAverage()} when the measurements began
     * @return the facts
     */
    static Facts read(RedisCommands<String, String> redis, int keys, String loadAtStart) {
        String version = infoValue(redis.info("server"), "redis_version");
        List<String> modules = new ArrayList<>();
        for (String line : redis.info("modules").split("\r?\n")) {
            if (line.startsWith("module:name=")) {
                String[] parts = line.substring("module:".length()).split(",");
                modules.add(parts[0].substring("name=".length()) + (parts.length > 1 ? " " + parts[1] : ""));
            }
        }
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-X") || arg.startsWith("--add-opens")) {
                flags.add(arg);
            }
        }
        String libraries = "Lettuce " + version(io.lettuce.core.RedisClient.class, "io.lettuce/lettuce-core")
                + ", Jedis " + version(redis.clients.jedis.Jedis.class, "redis.clients/jedis")
                + ", Arrow " + version(org.apache.arrow.vector.VectorSchemaRoot.class, "org.apache.arrow/arrow-vector")
                + ", Reactor " + version(reactor.core.publisher.Flux.class, "io.projectreactor/reactor-core");
        return new Facts(keys, redis.dbsize(), readCores(), readCpu(), readMemory(), readOs(),
                loadAtStart + " at start, " + loadAverage() + " at end", jvm, String.join(" ", flags),
                version == null ? "unknown" : version, modules.isEmpty() ? "none" : String.join(", ", modules),
                ServerCeiling.version(), libraries,
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)));
    }

    /** @return the facts as Markdown list lines */
    String markdown() {
        return String.format(Locale.ROOT, "- Data: %,d hashes x 10 fields (database holds %,d keys)\n", keys, dbSize)
                + machineMarkdown();
    }

    /** @return the facts but the data set's, as Markdown list lines */
    String machineMarkdown() {
        return String.format(Locale.ROOT, """
                - Machine: %s cores (%s), %s RAM, %s; load average (1 min) %s
                - JVM: %s (%s)
                - Redis: %s, modules: %s; %s
                - Clients: %s
                - Date: %s
                """, cores, cpu, memory, os, load, jvm, jvmFlags, redis, modules, redisBenchmark, libraries, date);
    }

    /** @return the 1-minute load average of the machine, or "?" where unknown */
    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "?" : String.format(Locale.ROOT, "%.1f", load);
    }

    private static String infoValue(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static String version(Class<?> type, String groupAndArtifact) {
        String version = type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        String resource = "/META-INF/maven/" + groupAndArtifact + "/pom.properties";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "?");
            }
        } catch (IOException e) {
            // unknown
        }
        return "?";
    }

    private static String readCores() {
        try {
            Process process = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            // no nproc: fall back to the JVM's view
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.toString(Runtime.getRuntime().availableProcessors());
    }

    private static String readCpu() {
        String model = fileValue(Path.of("/proc/cpuinfo"), "model name", ':');
        return model == null ? System.getProperty("os.arch") : model;
    }

    private static String readMemory() {
        String total = fileValue(Path.of("/proc/meminfo"), "MemTotal", ':');
        if (total == null) {
            return "unknown";
        }
        long kb = Long.parseLong(total.replaceAll("\\D", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
    }

    private static String readOs() {
        String name = fileValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=');
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return name == null ? kernel : name.replace("\"", "") + ", " + kernel;
    }

    private static String fileValue(Path file, String name, char separator) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(name)) {
                    int at = line.indexOf(separator);
                    return at < 0 ? null : line.substring(at + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }
}
