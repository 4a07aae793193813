package io.redisarrow.testing;

import java.io.IOException;
import java.util.List;

/**
 * What a running server is and can do, read over RESP: its version and whether RediSearch and
 * RedisJSON are loaded.
 *
 * @param version the server's version, e.g. {@code 7.0.15}
 * @param hasSearch whether RediSearch (FT.*) is loaded
 * @param hasJson whether RedisJSON (JSON.*) is loaded
 */
public record ServerFacts(String version, boolean hasSearch, boolean hasJson) {

    static ServerFacts read(String host, int port, String password) throws IOException {
        try (Resp resp = new Resp(host, port, password, 5000)) {
            String version = "unknown";
            Object info = resp.call("INFO", "server");
            if (info instanceof String text) {
                for (String line : text.split("\r?\n")) {
                    if (line.startsWith("redis_version:")) {
                        version = line.substring("redis_version:".length()).trim();
                    }
                }
            }
            boolean search = false;
            boolean json = false;
            Object modules = resp.call("MODULE", "LIST");
            if (modules instanceof List<?> list) {
                for (Object module : list) {
                    if (module instanceof List<?> fields) {
                        for (int i = 0; i + 1 < fields.size(); i += 2) {
                            if ("name".equals(fields.get(i))) {
                                String name = String.valueOf(fields.get(i + 1)).toLowerCase();
                                search |= name.equals("ft") || name.equals("search");
                                json |= name.equals("rejson") || name.equals("redisjson");
                            }
                        }
                    }
                }
            }
            return new ServerFacts(version, search, json);
        }
    }
}
