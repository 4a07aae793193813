package io.redisarrow.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code redis-cli} that joins cluster nodes ({@code --cluster create}): the one beside the server
 * binary ({@code redis-cli}, or {@code valkey-cli} beside {@code valkey-server}), else the one on PATH.
 */
final class RedisCli {

    /** What to install when it is missing. */
    static final String INSTALL = "install redis-cli (apt-get install -y redis-tools, which redis-server also"
            + " brings; brew install redis)";

    private static final String[] NAMES = { "redis-cli", "valkey-cli" };

    private RedisCli() {
    }

    /**
     * @param server the redis-server binary the nodes run, or null
     * @return the redis-cli to run, if any
     */
    static Optional<Path> find(Path server) {
        List<Path> candidates = new ArrayList<>();
        if (server != null && server.getParent() != null) {
            for (String name : NAMES) {
                candidates.add(server.getParent().resolve(name));
            }
        }
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"));
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, NAMES[0]));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs {@code redis-cli --cluster create 127.0.0.1:<port>... --cluster-replicas <n> --cluster-yes}:
     * the first {@code ports.size() / (1 + replicas)} nodes become masters with the slots split evenly,
     * the others their replicas.
     *
     * @param cli the binary
     * @param ports the nodes, masters first
     * @param replicas replicas per master
     * @param output where its output goes
     * @param timeout how long it may take
     * @return its output, colours removed
     * @throws IllegalStateException when it cannot run, fails, or takes too long
     */
    static String createCluster(Path cli, List<Integer> ports, int replicas, Path output, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        ports.forEach(port -> command.add("127.0.0.1:" + port));
        command.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = read(output);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + (finished ? " exited with code "
                        + process.exitValue() : " did not finish within " + timeout.toMillis() + " ms") + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cli + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + cli + " created the cluster", e);
        }
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
    }
}
