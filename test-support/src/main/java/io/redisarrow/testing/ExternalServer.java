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
        String password = null;
        if (uri.getUserInfo() != null) {
            String info = uri.getUserInfo();
            password = info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
        }
        try {
            return new ExternalServer(url, uri.getHost(), port, ServerFacts.read(uri.getHost(), port, password));
        } catch (IOException e) {
            throw new UncheckedIOException("REDIS_URL " + uri.getHost() + ":" + port + " does not answer", e);
        }
    }

    @Override
    public ServerFacts facts() {
        return facts;
    }
}
