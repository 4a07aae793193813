package io.redisarrow.core.internal.plan;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.redisarrow.core.RedisArrowException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What is retried and what is not: a wrong answer here either loops on a bad password or gives up on a failover. */
class FailuresUnitTests {

    @Test
    void connectionLossTimeoutsAndServerStatesThatPassAreTransient() {
        assertThat(Failures.isTransient(new RedisConnectionException("the connection to 127.0.0.1:1 was closed"))).isTrue();
        assertThat(Failures.isTransient(new RedisConnectionException("Unable to connect to 127.0.0.1:1 within 10000 ms"))).isTrue();
        assertThat(Failures.isTransient(new RedisCommandTimeoutException("timed out"))).isTrue();
        assertThat(Failures.isTransient(new IOException("Connection reset by peer"))).isTrue();
        assertThat(Failures.isTransient(new RedisException("Currently not connected. Commands are rejected."))).isTrue();
        for (String reply : new String[] { "LOADING Redis is loading the dataset in memory",
                "HGETALL k failed: TRYAGAIN Multiple keys request during rehashing of slot",
                "CLUSTERDOWN The cluster is down", "MASTERDOWN Link with MASTER is down",
                "HGETALL user:1 failed: MOVED 3999 127.0.0.1:7001", "GET k failed: ASK 3999 127.0.0.1:7001" }) {
            assertThat(Failures.isTransient(new RedisCommandExecutionException(reply))).as(reply).isTrue();
        }
    }

    @Test
    void credentialsSyntaxTypesAndOurOwnErrorsArePermanent() {
        assertThat(Failures.isTransient(new RedisConnectionException(
                "Redis at 127.0.0.1:1 refused the connection set-up: WRONGPASS invalid username-password pair"))).isFalse();
        assertThat(Failures.isTransient(new RedisConnectionException(
                "Authentication failed at 127.0.0.1:1: check the user and password"))).isFalse();
        assertThat(Failures.isTransient(new RedisConnectionException("Redis at 127.0.0.1:1 has no database 99"))).isFalse();
        assertThat(Failures.isTransient(new RedisCommandExecutionException("ERR syntax error"))).isFalse();
        assertThat(Failures.isTransient(new RedisCommandExecutionException("HGETALL k failed: NOPERM this user has no permissions"))).isFalse();
        assertThat(Failures.isTransient(new RedisCommandExecutionException("WRONGTYPE Operation against a key"))).isFalse();
        assertThat(Failures.isTransient(new RedisArrowException("module missing"))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("closed"))).isFalse();
    }
}
