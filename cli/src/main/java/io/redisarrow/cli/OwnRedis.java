package io.redisarrow.cli;

import io.redisarrow.testing.LocalRedisServer;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The Redis a {@code demo} or {@code bench} run uses: the one at the URL given, else one it starts
 * itself ({@code redis-server} from PATH, else the binary inside embedded-redis) and stops at the end.
 */
final class OwnRedis implements AutoCloseable {

    private final String url;

    private final LocalRedisServer started;

    private OwnRedis(String url, LocalRedisServer started) {
        this.url = url;
        this.started = started;
    }

    /**
     * @param given the URL given, or {@code null} to start a server
     * @param err where to say what was started
     * @return the server
     */
    static OwnRedis of(String given, PrintStream err) {
        if (given != null) {
            return new OwnRedis(given, null);
        }
        err.println("no --url and no REDIS_URL: starting " + LocalRedisServer.defaultBinary()
                .map(Path::toString).orElse("a local redis-server"));
        LocalRedisServer server = LocalRedisServer.builder().noModules().start();
        err.println("Redis " + server.version() + " on " + server.url());
        return new OwnRedis(server.url(), server);
    }

    /** @return its URL */
    String url() {
        return url;
    }

    /** Stops the server if this run started it. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
