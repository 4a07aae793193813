package io.redisarrow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * A server the environment names with {@code REDIS_URL}.
 */
record ExternalServer(String url, String host, int port, ServerFacts facts) implements RedisTestServer {

    static ExternalServer of(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        try (Resp resp = Resp.connect(url, 5000)) {
            return new ExternalServer(url, uri.getHost(), port, ServerFacts.read(resp));
        } catch (IOException e) {
            throw new UncheckedIOException("REDIS_URL " + uri.getHost() + ":" + port + " does not answer: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ServerFacts facts() {
        return facts;
    }
}
