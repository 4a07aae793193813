package io.redisarrow.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the keys under a test's prefixes: {@code SCAN MATCH <prefix>*} and {@code UNLINK} of each
 * page, on the server's own database.
 */
final class KeyCleaner {

    private KeyCleaner() {
    }

    /**
     * @param server the server
     * @param prefixes key prefixes whose keys go
     * @return how many keys were removed
     * @throws IOException when the server does not answer or refuses a command
     */
    static long unlink(RedisTestServer server, List<String> prefixes) throws IOException {
        if (prefixes.isEmpty()) {
            return 0;
        }
        long removed = 0;
        try (Resp resp = Resp.connect(server.url(), 10_000)) {
            for (String prefix : prefixes) {
                String cursor = "0";
                do {
                    Object reply = resp.call("SCAN", cursor, "MATCH", KeyPrefixes.pattern(prefix), "COUNT", "1000");
                    if (!(reply instanceof List<?> page) || page.size() != 2) {
                        throw reply instanceof IOException e ? e : new IOException("unexpected SCAN reply " + reply);
                    }
                    cursor = String.valueOf(page.get(0));
                    List<String> command = new ArrayList<>(List.of("UNLINK"));
                    ((List<?>) page.get(1)).forEach(key -> command.add(String.valueOf(key)));
                    if (command.size() > 1) {
                        Object unlinked = resp.call(command.toArray(String[]::new));
                        if (unlinked instanceof IOException e) {
                            throw e;
                        }
                        removed += (Long) unlinked;
                    }
                } while (!"0".equals(cursor));
            }
        }
        return removed;
    }
}
