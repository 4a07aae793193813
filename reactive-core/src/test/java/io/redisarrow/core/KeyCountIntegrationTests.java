package io.redisarrow.core;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RedisSession#keyCount()} on a standalone server: DBSIZE of the URL's database. */
@ExtendWith(RedisServerExtension.class)
class KeyCountIntegrationTests {

    private static final int DATABASE = 7;

    private RedisClient client;

    private StatefulRedisConnection<String, String> connection;

    private RedisCommands<String, String> database;

    private String prefix;

    private String url;

    @BeforeEach
    void connect(RedisTestServer server) {
        url = RedisURI.builder().withHost(server.host()).withPort(server.port()).withDatabase(DATABASE).build().toString();
        client = RedisClient.create(url);
        connection = client.connect();
        database = connection.sync();
        prefix = server.uniquePrefix("keycount");
    }

    @AfterEach
    void close() {
        database.flushdb();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void countsEveryKeyOfTheUrlsDatabaseWhateverItsType() {
        database.flushdb();
        database.hset(prefix + "h", Map.of("a", "1"));
        database.set(prefix + "s", "x");
        database.sadd(prefix + "set", "m");
        database.rpush(prefix + "l", "e");
        database.zadd(prefix + "z", 1.0, "m");
        database.xadd(prefix + "x", Map.of("f", "v"));

        try (RedisSession session = RedisSession.create(ConnectionOptions.of(url))) {
            assertThat(session.keyCount().block()).as("six keys of six types, and none of database 0's").isEqualTo(6L);
            database.del(prefix + "s", prefix + "l");
            assertThat(session.keyCount().block()).as("read again at each subscription").isEqualTo(4L);
        }
    }

    @Test
    void countsNothingInAnEmptyDatabase() {
        database.flushdb();

        try (RedisSession session = RedisSession.create(ConnectionOptions.of(url))) {
            assertThat(session.keyCount().block()).isZero();
        }
    }
}
