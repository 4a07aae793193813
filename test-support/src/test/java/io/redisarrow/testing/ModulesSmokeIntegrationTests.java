package io.redisarrow.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules really work on the run's server: JSON.SET/GET, and FT.CREATE ON HASH PREFIX with
 * FT.SEARCH and FT.AGGREGATE WITHCURSOR. In CI this fails when the modules are not loaded.
 */
@ExtendWith(RedisServerExtension.class)
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class ModulesSmokeIntegrationTests {

    @Test
    void jsonSetAndGet(RedisTestServer redis) throws IOException {
        String key = redis.uniquePrefix("json") + "doc";
        try (Resp resp = Resp.connect(redis.url(), 5000)) {
            assertThat(ok(resp.call("JSON.SET", key, "$", "{\"a\":1,\"b\":{\"c\":[1,2]}}"))).isEqualTo("OK");
            assertThat(ok(resp.call("JSON.GET", key, "$.b.c"))).isEqualTo("[[1,2]]");
            assertThat(ok(resp.call("TYPE", key))).isEqualTo("ReJSON-RL");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchAndAggregateWithACursorOverHashes(RedisTestServer redis) throws IOException, InterruptedException {
        String prefix = redis.uniquePrefix("search");
        String index = prefix + "idx";
        try (Resp resp = Resp.connect(redis.url(), 5000)) {
            assertThat(ok(resp.call("FT.CREATE", index, "ON", "HASH", "PREFIX", "1", prefix, "SCHEMA",
                    "name", "TEXT", "age", "NUMERIC", "city", "TAG"))).isEqualTo("OK");
            try {
                String[] cities = { "Oslo", "New York", "Oslo", "Lima", "Oslo" };
                for (int i = 0; i < cities.length; i++) {
                    ok(resp.call("HSET", prefix + "u" + i, "name", "user" + i, "age", Integer.toString(30 + i),
                            "city", cities[i]));
                }
                awaitIndexed(resp, index, cities.length);

                List<Object> hits = (List<Object>) ok(resp.call("FT.SEARCH", index, "@city:{Oslo} @age:[31 40]", "NOCONTENT",
                        "SORTBY", "age", "DIALECT", "2"));
                assertThat(hits).containsExactly(2L, prefix + "u2", prefix + "u4");

                List<List<?>> groups = new ArrayList<>();
                List<?> reply = (List<?>) ok(resp.call("FT.AGGREGATE", index, "*", "GROUPBY", "1", "@city",
                        "REDUCE", "COUNT", "0", "AS", "n", "WITHCURSOR", "COUNT", "1"));
                int reads = 0;
                while (true) {
                    List<?> rows = (List<?>) reply.get(0);
                    rows.subList(1, rows.size()).forEach(row -> groups.add((List<?>) row));
                    long cursor = (Long) reply.get(1);
                    if (cursor == 0) {
                        break;
                    }
                    reads++;
                    reply = (List<?>) ok(resp.call("FT.CURSOR", "READ", index, Long.toString(cursor)));
                }
                assertThat(reads).isGreaterThanOrEqualTo(1);
                assertThat(groups).containsExactlyInAnyOrder(List.of("city", "Oslo", "n", "3"),
                        List.of("city", "New York", "n", "1"), List.of("city", "Lima", "n", "1"));
            } finally {
                ok(resp.call("FT.DROPINDEX", index));
            }
            assertThat(ok(resp.call("FT._LIST"))).asList().doesNotContain(index);
        }
    }

    private static void awaitIndexed(Resp resp, String index, long documents) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<?> info = (List<?>) ok(resp.call("FT.INFO", index));
            for (int i = 0; i + 1 < info.size(); i += 2) {
                if ("num_docs".equals(info.get(i)) && Long.parseLong(String.valueOf(info.get(i + 1))) == documents) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError(index + " did not index " + documents + " documents within 2 s");
    }

    private static Object ok(Object reply) throws IOException {
        if (reply instanceof IOException e) {
            throw e;
        }
        return reply;
    }
}
