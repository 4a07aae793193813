package io.redisarrow.testing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a running server is and can do, read over RESP: its version and the modules it has loaded
 * ({@code MODULE LIST}: name and version, such as {@code search} 20637 for RediSearch 2.6.37).
 *
 * @param version the server's version, e.g. {@code 7.0.15}
 * @param modules loaded modules by lower-case name, each with its version as {@code MODULE LIST} gives it
 */
public record ServerFacts(String version, Map<String, Integer> modules) {

    /** The oldest RediSearch we support, as {@code MODULE LIST} writes versions (2.0.0). */
    public static final int SEARCH_2_0 = 20000;

    /**
     * @param version the server's version
     * @param modules loaded modules by name (any case) and version
     */
    public ServerFacts {
        Map<String, Integer> lowerCase = new LinkedHashMap<>();
        modules.forEach((name, ver) -> lowerCase.put(name.toLowerCase(Locale.ROOT), ver));
        modules = Map.copyOf(lowerCase);
    }

    /** @return whether a JSON module is loaded: RedisJSON ({@code ReJSON}) or valkey-json ({@code json}) */
    public boolean hasJson() {
        return modules.containsKey("rejson") || modules.containsKey("json") || modules.containsKey("redisjson");
    }

    /**
     * @return the RediSearch module's version ({@code 20637} for 2.6.37) when one is loaded, whatever its
     *         version; see {@link #hasSearch()} for whether it is recent enough
     */
    public OptionalInt searchVersion() {
        for (String name : new String[] { "search", "ft" }) {
            Integer ver = modules.get(name);
            if (ver != null) {
                return OptionalInt.of(ver);
            }
        }
        return OptionalInt.empty();
    }

    /** @return whether RediSearch 2.0 or later is loaded (FT.CREATE ... ON HASH|JSON PREFIX, cursors) */
    public boolean hasSearch() {
        return searchVersion().orElse(0) >= SEARCH_2_0;
    }

    static ServerFacts read(String host, int port, String password) throws IOException {
        try (Resp resp = new Resp(host, port, password, 5000)) {
            return read(resp);
        }
    }

    static ServerFacts read(Resp resp) throws IOException {
        String version = "unknown";
        Object info = resp.call("INFO", "server");
        if (info instanceof String text) {
            for (String line : text.split("\r?\n")) {
                if (line.startsWith("redis_version:")) {
                    version = line.substring("redis_version:".length()).trim();
                }
            }
        }
        Map<String, Integer> modules = new LinkedHashMap<>();
        Object list = resp.call("MODULE", "LIST");
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof List<?> fields) {
                    String name = null;
                    int ver = 0;
                    for (int i = 0; i + 1 < fields.size(); i += 2) {
                        Object key = fields.get(i);
                        Object value = fields.get(i + 1);
                        if ("name".equals(key)) {
                            name = String.valueOf(value);
                        } else if ("ver".equals(key) && value instanceof Long number) {
                            ver = number.intValue();
                        }
                    }
                    if (name != null) {
                        modules.put(name, ver);
                    }
                }
            }
        }
        return new ServerFacts(version, modules);
    }
}
