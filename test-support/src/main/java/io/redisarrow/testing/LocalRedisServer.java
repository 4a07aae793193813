package io.redisarrow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh {@code redis-server} process on a free loopback port, without persistence, loading the
 * modules {@code REDIS_ARROW_MODULES} names (see {@link ModulePaths}). The binary is the one on PATH,
 * else the Redis 6.2 shipped inside {@code com.github.codemonstur:embedded-redis}, so a machine with
 * only Java and Maven runs it. Used by tests, the demo and the benchmarks; {@link #close()} stops it
 * and removes its directory.
 *
 * <pre>{@code
 * try (LocalRedisServer redis = LocalRedisServer.builder().args("--requirepass", "secret").start()) {
 *     connect(redis.url());
 * }
 * }</pre>
 */
public final class LocalRedisServer implements AutoCloseable, RedisTestServer {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;

    private final int port;

    private final Path directory;

    private final boolean ownsDirectory;

    private final String password;

    private final ServerFacts facts;

    private final Thread shutdownHook;

    private volatile boolean closed;

    private LocalRedisServer(Process process, int port, Path directory, boolean ownsDirectory, String password,
            ServerFacts facts) {
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.password = password;
        this.facts = facts;
        this.shutdownHook = new Thread(process::destroyForcibly, "redis-server-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** @return a server with the defaults */
    public static LocalRedisServer start() {
        return builder().start();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code redis-server} binary on PATH or in the usual places, if any */
    public static Optional<Path> findRedisServer() {
        return RedisBinaries.onPath();
    }

    /**
     * @return the binary {@link Builder#start()} runs by default: the one on PATH, else the one inside
     *         embedded-redis for this OS and architecture, if any
     */
    public static Optional<Path> defaultBinary() {
        Optional<Path> onPath = RedisBinaries.onPath();
        return onPath.isPresent() ? onPath : RedisBinaries.embedded();
    }

    @Override
    public String url() {
        return password == null ? "redis://127.0.0.1:" + port : "redis://:" + password + "@127.0.0.1:" + port;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ServerFacts facts() {
        return facts;
    }

    /** @return whether the process is running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the server (SHUTDOWN NOSAVE, then a kill if needed) and deletes its directory, unless it was
     * given with {@link Builder#directory(Path)}. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Resp resp = new Resp(host(), port, password, 2000)) {
            resp.call("SHUTDOWN", "NOSAVE");
        } catch (IOException expected) {
            // the server closes the connection as it exits
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        released();
    }

    /**
     * Ends the process at once with SIGKILL, as a crash would (no SHUTDOWN, nothing saved), waits until
     * it is gone, and deletes its directory unless it was given with {@link Builder#directory(Path)}.
     * Idempotent; {@link #close()} after it does nothing.
     */
    public void kill() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        released();
    }

    private void released() {
        if (ownsDirectory) {
            deleteDirectory(directory);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** Builder of {@link LocalRedisServer}. */
    public static final class Builder {

        private final List<String> args = new ArrayList<>();

        private List<Path> modules;

        private boolean embedded;

        private Path binary;

        private int port;

        private Path directory;

        private Builder() {
        }

        /**
         * @param extra more {@code redis-server} arguments, such as {@code "--requirepass", "secret"}
         * @return this builder
         */
        public Builder args(String... extra) {
            args.addAll(List.of(extra));
            return this;
        }

        /**
         * @param files module files to load, in order (JSON before search), instead of those
         *        {@code REDIS_ARROW_MODULES} names
         * @return this builder
         */
        public Builder modules(Path... files) {
            this.modules = List.of(files);
            return this;
        }

        /**
         * Loads no module, whatever {@code REDIS_ARROW_MODULES} says.
         *
         * @return this builder
         */
        public Builder noModules() {
            this.modules = List.of();
            return this;
        }

        /**
         * @param load true (the default) to load the modules {@code REDIS_ARROW_MODULES} names, false
         *        for none; {@link #noModules()} and {@link #modules(Path...)} say it more exactly
         * @return this builder
         */
        public Builder search(boolean load) {
            this.modules = load ? null : List.of();
            return this;
        }

        /**
         * Runs the binary inside embedded-redis even when PATH has one: what a machine with only Java
         * and Maven gets.
         *
         * @return this builder
         */
        public Builder embedded() {
            this.embedded = true;
            return this;
        }

        /**
         * @param redisServer the binary to run instead of the one found on PATH
         * @return this builder
         */
        public Builder binary(Path redisServer) {
            this.binary = redisServer;
            return this;
        }

        /**
         * @param fixed the port to listen on instead of a free one chosen at start; the start then fails
         *        (no other port is tried) when it is taken
         * @return this builder
         * @throws IllegalArgumentException when the port is not in 1..65535
         */
        public Builder port(int fixed) {
            if (fixed < 1 || fixed > 65535) {
                throw new IllegalArgumentException("port must be in 1..65535, was " + fixed);
            }
            this.port = fixed;
            return this;
        }

        /**
         * @param workingDirectory the server's directory ({@code --dir}, also its working directory, so
         *        relative paths such as {@code cluster-config-file} land there), created if missing; the
         *        caller owns it: {@link LocalRedisServer#close()} and {@link LocalRedisServer#kill()} leave
         *        it, so a server started again on it finds its files
         * @return this builder
         */
        public Builder directory(Path workingDirectory) {
            this.directory = workingDirectory;
            return this;
        }

        /**
         * Starts the server and waits until it answers PING.
         *
         * @return the running server
         * @throws IllegalStateException when no binary is found or the server does not start
         */
        public LocalRedisServer start() {
            Path executable = executable();
            List<Path> load = modules != null ? modules : ModulePaths.configured();
            if (port != 0) {
                return launch(executable, load, port);
            }
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    return launch(executable, load, freePort());
                } catch (IllegalStateException e) {
                    last = e;
                }
            }
            throw last;
        }

        private Path executable() {
            if (binary != null) {
                return binary;
            }
            Optional<Path> found = embedded ? RedisBinaries.embedded() : defaultBinary();
            return found.orElseThrow(() -> new IllegalStateException((embedded ? "" : "redis-server is not on PATH and ")
                    + "embedded-redis has no binary for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ": install redis-server (apt-get install -y redis-server,"
                    + " brew install redis) or set REDIS_URL"));
        }

        private LocalRedisServer launch(Path executable, List<Path> load, int port) {
            boolean owned = this.directory == null;
            Path directory;
            try {
                directory = owned ? Files.createTempDirectory("redis-arrow-" + port + "-")
                        : Files.createDirectories(this.directory.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no",
                    "--dir", directory.toString(), "--daemonize", "no"));
            for (Path module : load) {
                command.add("--loadmodule");
                command.add(module.toString());
            }
            command.addAll(args);
            String password = passwordIn(args);
            Path log = directory.resolve("redis.log");
            Process process;
            try {
                process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                deleteIfOwned(directory, owned);
                throw new IllegalStateException("cannot run " + executable + ": " + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + STARTUP.toNanos();
            IOException lastFailure = null;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String output = readLog(log);
                    deleteIfOwned(directory, owned);
                    throw new IllegalStateException(executable.getFileName() + " exited with code " + process.exitValue()
                            + " (" + String.join(" ", command) + "):\n" + output);
                }
                try (Resp resp = new Resp("127.0.0.1", port, password, 1000)) {
                    Object pong = resp.call("PING");
                    if ("PONG".equals(pong) && answersFor(resp, process)) {
                        ServerFacts facts = ServerFacts.read("127.0.0.1", port, password);
                        return new LocalRedisServer(process, port, directory, owned, password, facts);
                    }
                } catch (IOException e) {
                    lastFailure = e;
                }
                sleep(25);
            }
            String output = readLog(log);
            process.destroyForcibly();
            deleteIfOwned(directory, owned);
            throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                    + STARTUP.toSeconds() + " s (" + lastFailure + "):\n" + output);
        }

        /**
         * @return whether the server answering is the process started (not another one that had the
         *         port, while the new one is about to exit)
         */
        private static boolean answersFor(Resp resp, Process process) throws IOException {
            Object info = resp.call("INFO", "server");
            if (!(info instanceof String text) || !text.contains("process_id:")) {
                return true;
            }
            return text.contains("process_id:" + process.pid() + "\r\n") || text.contains("process_id:" + process.pid() + "\n");
        }

        private static void deleteIfOwned(Path directory, boolean owned) {
            if (owned) {
                deleteDirectory(directory);
            }
        }

        private static String passwordIn(List<String> args) {
            int at = args.indexOf("--requirepass");
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
        }

        private static String readLog(Path log) {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output)";
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }
    }
}
