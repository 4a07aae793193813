package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The one place that turns a failed connection, or a connection lost later, into a message a person
 * can act on: what happened, at which {@code host:port}, and what to check. Used for the shared
 * connection (Lettuce's failures), each read's own channel, the diagnosis of a failed set-up, and
 * SCAN. Every exception it makes is a {@link RedisConnectionException} naming {@code host:port}.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /**
     * Explains a failed connection attempt from whatever the client reported.
     *
     * @param address {@code host:port}
     * @param database the database the URL selects
     * @param connectTimeout the connect timeout, for the message
     * @param failure what the client reported
     * @return the explained failure
     */
    public static RedisConnectionException explain(String address, int database, Duration connectTimeout,
            Throwable failure) {
        if (failure instanceof RedisConnectionException known && isOurs(known, address)) {
            return known;
        }
        String causes = causes(failure);
        if (isAuthentication(causes)) {
            return authenticationFailed(address, causes, failure);
        }
        if (causes.contains("DB index is out of range") || causes.contains("invalid DB index")) {
            return noSuchDatabase(address, database, causes, failure);
        }
        if (has(failure, DecoderException.class) || has(failure, io.lettuce.core.protocol.RedisProtocolException.class)
                || causes.contains("Invalid first byte") || causes.contains("not a RESP")) {
            return notResp(address, failure);
        }
        if (has(failure, TimeoutException.class) || has(failure, RedisCommandTimeoutException.class)) {
            return noAnswer(address, connectTimeout, failure);
        }
        if (has(failure, ConnectException.class) || has(failure, UnknownHostException.class)
                || has(failure, NoRouteToHostException.class) || has(failure, ConnectTimeoutException.class)) {
            return unreachable(address, connectTimeout, failure);
        }
        if (causes.startsWith("ERR") || causes.contains("; ERR") || causes.contains("NOPERM")) {
            return new RedisConnectionException("Redis at " + address + " refused the connection set-up: " + causes,
                    failure);
        }
        return unreachable(address, connectTimeout, failure);
    }

    /**
     * Explains an error reply to the connection set-up (AUTH, SELECT).
     *
     * @param address {@code host:port}
     * @param database the database the URL selects
     * @param error the server's error reply
     * @return the explained failure
     */
    public static RedisConnectionException setUpRejected(String address, int database, String error) {
        if (isAuthentication(error)) {
            return authenticationFailed(address, error, null);
        }
        if (error.contains("DB index is out of range") || error.contains("invalid DB index")) {
            return noSuchDatabase(address, database, error, null);
        }
        return new RedisConnectionException("Redis at " + address + " refused the connection set-up: " + error);
    }

    /**
     * @param address {@code host:port}
     * @param connectTimeout the connect timeout
     * @param cause why the TCP connection failed
     * @return no TCP connection could be made
     */
    public static RedisConnectionException unreachable(String address, Duration connectTimeout, Throwable cause) {
        return new RedisConnectionException("Unable to connect to " + address + " within " + connectTimeout.toMillis()
                + " ms: is Redis running there and reachable? (" + causes(cause) + ")", cause);
    }

    /**
     * @param address {@code host:port}
     * @param connectTimeout the connect timeout
     * @param cause the timeout, if any
     * @return the connection set-up got no answer in time
     */
    public static RedisConnectionException noAnswer(String address, Duration connectTimeout, Throwable cause) {
        return new RedisConnectionException("Unable to connect to " + address + " within " + connectTimeout.toMillis()
                + " ms (connectTimeout): no answer to the connection set-up; is Redis running there and reachable,"
                + " and not stalled? A port of another service that accepts and stays silent looks the same", cause);
    }

    /**
     * @param address {@code host:port}
     * @param cause what the parser reported
     * @return the server answered with bytes that are not RESP
     */
    public static RedisConnectionException notResp(String address, Throwable cause) {
        return new RedisConnectionException("The server at " + address + " does not speak RESP: is it Redis? Check"
                + " the host and port of the URL, and rediss:// if it expects TLS (" + causes(cause) + ")", cause);
    }

    /**
     * @param address {@code host:port}
     * @return a connection closed by the server or the network while replies were awaited
     */
    public static RedisConnectionException closed(String address) {
        return new RedisConnectionException("the connection to " + address + " was closed");
    }

    /**
     * @param address {@code host:port}
     * @param cause what failed
     * @return a connection that failed while replies were awaited
     */
    public static RedisConnectionException lost(String address, Throwable cause) {
        if (has(cause, DecoderException.class)) {
            return notResp(address, cause);
        }
        if (has(cause, java.nio.channels.ClosedChannelException.class)) {
            return closed(address);
        }
        return new RedisConnectionException("the connection to " + address + " failed: " + causes(cause), cause);
    }

    /**
     * @param command what was sent, such as {@code SCAN}
     * @param address {@code host:port}
     * @param cause what failed
     * @return a command that failed for a reason other than an error reply or a timeout
     */
    public static RedisConnectionException commandFailed(String command, String address, Throwable cause) {
        if (has(cause, DecoderException.class) || has(cause, io.lettuce.core.protocol.RedisProtocolException.class)) {
            return notResp(address, cause);
        }
        return new RedisConnectionException(command + " on " + address + " failed: " + cause.getMessage(), cause);
    }

    /**
     * @param failure an explained failure
     * @return whether it says no more than that no connection could be made: not an error reply,
     *         not bytes that are not RESP, not a missing database
     */
    public static boolean unexplained(Throwable failure) {
        String message = failure.getMessage();
        return !(failure instanceof RedisConnectionException) || message == null
                || !(message.startsWith("Authentication failed") || message.startsWith("Redis at")
                        || message.startsWith("The server at"));
    }

    /**
     * @param failure what a client reported
     * @return whether nothing answered: no TCP connection, or no answer in time
     */
    public static boolean reachedNothing(Throwable failure) {
        return has(failure, ConnectException.class) || has(failure, UnknownHostException.class)
                || has(failure, NoRouteToHostException.class) || has(failure, ConnectTimeoutException.class)
                || has(failure, TimeoutException.class) || has(failure, RedisCommandTimeoutException.class);
    }

    private static RedisConnectionException authenticationFailed(String address, String detail, Throwable cause) {
        return new RedisConnectionException("Authentication failed at " + address
                + ": check the user and password in the URL (" + detail + ")", cause);
    }

    private static RedisConnectionException noSuchDatabase(String address, int database, String detail,
            Throwable cause) {
        return new RedisConnectionException("Redis at " + address + " has no database " + database
                + ": use a number below its 'databases' setting (CONFIG GET databases) in the URL's /database ("
                + detail + ")", cause);
    }

    private static boolean isAuthentication(String text) {
        return text.contains("WRONGPASS") || text.contains("NOAUTH") || text.contains("invalid password")
                || text.contains("invalid username-password") || text.contains("AUTH failed")
                || text.contains("AUTH <password> called without any password configured");
    }

    private static boolean isOurs(RedisConnectionException e, String address) {
        String message = e.getMessage();
        return message != null && message.contains(address) && (message.startsWith("Unable to connect")
                || message.startsWith("Authentication failed") || message.startsWith("Redis at")
                || message.startsWith("The server at"));
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** @return the messages of a failure and its causes, joined */
    static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                text.append(text.length() == 0 ? "" : "; ").append(t.getMessage());
            } else if (t.getMessage() == null && t.getCause() == null) {
                text.append(text.length() == 0 ? "" : "; ").append(t.getClass().getSimpleName());
            }
        }
        return text.toString();
    }
}
