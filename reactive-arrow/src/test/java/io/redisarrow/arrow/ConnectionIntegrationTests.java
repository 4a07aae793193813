package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a URL asks for reaches both the shared connection and each scan's fetch connection:
 * the database, a password, an ACL user.
 */
class ConnectionIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("v", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    @Test
    void readsTheDatabaseOfTheUrl() {
        try (LocalRedisServer dedicated = LocalRedisServer.builder().search(false).start()) {
            RedisClient client = RedisClient.create(dedicated.url() + "/3");
            try (StatefulRedisConnection<String, String> db3 = client.connect()) {
                db3.sync().hset("k", Map.of("v", "in-db-3"));
            } finally {
                client.shutdown();
            }
            try (RedisArrow db = RedisArrow.builder().url(dedicated.url() + "/3").allocator(allocator).build();
                    RedisArrow db0 = RedisArrow.builder().url(dedicated.url()).allocator(allocator).build()) {
                assertThat(Rows.collect(db.scanHashes(HashScan.builder().schema(SCHEMA).build())))
                        .containsExactly(Map.of("_key", "k", "v", "in-db-3"));
                assertThat(Rows.collect(db0.scanHashes(HashScan.builder().schema(SCHEMA).build()))).isEmpty();
            }
        }
    }

    @Test
    void authenticatesWithAPasswordAndWithAnAclUser() {
        try (LocalRedisServer secured = LocalRedisServer.builder().search(false).args("--requirepass", "s3cret").start()) {
            RedisClient client = RedisClient.create(secured.url());
            try (StatefulRedisConnection<String, String> admin = client.connect()) {
                admin.sync().hset("k", Map.of("v", "secret value"));
                admin.sync().aclSetuser("reader", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("r3ad")
                        .allKeys().allCommands());
            } finally {
                client.shutdown();
            }
            for (String url : List.of("redis://:s3cret@127.0.0.1:" + secured.port(),
                    "redis://reader:r3ad@127.0.0.1:" + secured.port())) {
                try (RedisArrow redis = RedisArrow.builder().url(url).allocator(allocator).build()) {
                    assertThat(Rows.collect(redis.scanHashes(HashScan.builder().schema(SCHEMA).build())))
                            .as(url).containsExactly(Map.of("_key", "k", "v", "secret value"));
                }
            }
        }
    }

    @Test
    void scansConcurrentlyOnOneInstance() {
        loadHashes(500, i -> Map.of("v", "x" + i));
        HashScan scan = HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(50).build();
        List<Long> counts = reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> redis.scanHashes(scan).map(batch -> {
                    try (batch) {
                        return (long) batch.rowCount();
                    }
                }).reduce(0L, Long::sum))
                .collectList().block();
        assertThat(counts).containsExactly(500L, 500L, 500L, 500L);
    }
}
