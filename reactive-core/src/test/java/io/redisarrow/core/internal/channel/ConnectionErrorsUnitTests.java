package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.protocol.RedisProtocolException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a connection fails maps to one message naming the server and what to check. */
class ConnectionErrorsUnitTests {

    static final String AT = "db.example:6380";

    static final Duration TIMEOUT = Duration.ofMillis(750);

    static String explain(Throwable failure) {
        return ConnectionErrors.explain(AT, 4, TIMEOUT, new RedisConnectionException("Unable to connect to "
                + "db.example/<unresolved>:6380", failure)).getMessage();
    }

    @Test
    void refusedConnection() {
        assertThat(explain(new ConnectException("Connection refused")))
                .startsWith("Unable to connect to db.example:6380 within 750 ms: is Redis running there and reachable?")
                .contains("Connection refused");
    }

    @Test
    void noAnswerToTheSetUp() {
        assertThat(explain(new RedisCommandTimeoutException("Connection initialization timed out after 750 ms")))
                .startsWith("Unable to connect to db.example:6380 within 750 ms (connectTimeout): no answer to the"
                        + " connection set-up");
    }

    @Test
    void rejectedPassword() {
        assertThat(explain(new RedisCommandExecutionException("WRONGPASS invalid username-password pair")))
                .startsWith("Authentication failed at db.example:6380: check the user and password in the URL")
                .contains("WRONGPASS");
        assertThat(ConnectionErrors.setUpRejected(AT, 0, "NOAUTH Authentication required.").getMessage())
                .startsWith("Authentication failed at db.example:6380");
    }

    @Test
    void missingDatabase() {
        assertThat(explain(new RedisCommandExecutionException("ERR DB index is out of range")))
                .startsWith("Redis at db.example:6380 has no database 4:");
        assertThat(ConnectionErrors.setUpRejected(AT, 4, "ERR DB index is out of range").getMessage())
                .startsWith("Redis at db.example:6380 has no database 4:");
    }

    @Test
    void otherRejection() {
        assertThat(ConnectionErrors.setUpRejected(AT, 0, "ERR SELECT is not allowed in cluster mode").getMessage())
                .isEqualTo("Redis at db.example:6380 refused the connection set-up: ERR SELECT is not allowed in cluster mode");
    }

    @Test
    void notResp() {
        assertThat(explain(new RedisProtocolException("Invalid first byte: 72 (H)")))
                .startsWith("The server at db.example:6380 does not speak RESP: is it Redis?");
        assertThat(ConnectionErrors.lost(AT, new io.netty.handler.codec.DecoderException("not a RESP2 reply"))
                .getMessage()).startsWith("The server at db.example:6380 does not speak RESP");
        assertThat(ConnectionErrors.commandFailed("SCAN", AT, new RedisProtocolException("Invalid first byte"))
                .getMessage()).startsWith("The server at db.example:6380 does not speak RESP");
    }

    @Test
    void anExplainedFailurePassesThrough() {
        RedisConnectionException explained = ConnectionErrors.notResp(AT, new IllegalStateException("x"));
        assertThat(ConnectionErrors.explain(AT, 0, TIMEOUT, explained)).isSameAs(explained);
    }
}
