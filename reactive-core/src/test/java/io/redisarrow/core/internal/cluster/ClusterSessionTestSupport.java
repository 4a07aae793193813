package io.redisarrow.core.internal.cluster;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.RedisSession;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

/**
 * Shared fixture of the cluster write tests: a real Redis Cluster from {@link RedisClusterExtension},
 * a Lettuce cluster client to check what was written, the session under test (made per test), the
 * items' encoder, and a key prefix per test.
 */
@ExtendWith(RedisClusterExtension.class)
abstract class ClusterSessionTestSupport {

    static LocalRedisCluster cluster;

    static RedisClusterClient client;

    static StatefulRedisClusterConnection<String, String> connection;

    static RedisAdvancedClusterCommands<String, String> redis;

    final CommandItems items = new CommandItems();

    RedisSession session;

    String prefix;

    @BeforeAll
    static void connect(LocalRedisCluster localCluster) {
        cluster = localCluster;
        client = RedisClusterClient.create(cluster.url());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void open() {
        prefix = keyPrefix() + UUID.randomUUID() + ":";
        session = RedisSession.create(options(ConnectionOptions.builder().url(cluster.url())).build());
    }

    /** @return what the keys of each test start with, before a unique part */
    String keyPrefix() {
        return "cw:";
    }

    /** @return the session's options, from a builder that has the cluster's URL */
    ConnectionOptions.Builder options(ConnectionOptions.Builder builder) {
        return builder;
    }

    @AfterEach
    void close() {
        session.close();
    }
}
