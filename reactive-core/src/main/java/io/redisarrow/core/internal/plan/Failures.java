package io.redisarrow.core.internal.plan;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

import java.io.IOException;
import java.util.Locale;

/**
 * Tells a transient failure, which a read retries, from a permanent one, which ends it.
 *
 * <p>Transient: a connection that was refused, reset or lost, or could not be opened in time; a
 * round trip that timed out; the error replies of a server that is still loading its data
 * ({@code LOADING}) or of a cluster in the middle of a failover or a resharding ({@code TRYAGAIN},
 * {@code CLUSTERDOWN}, {@code MASTERDOWN}), or busy with a script ({@code BUSY}); a key whose
 * slot moved to another node during the read ({@code MOVED}, {@code ASK}: the node's SCAN, run
 * again, no longer finds it there, and the cluster read reads that slot again at its end). Permanent:
 * everything else, among them a rejected password or user ({@code WRONGPASS}, {@code NOAUTH},
 * {@code NOPERM}), a database that does not exist, a syntax error, a missing module and a value
 * that does not parse.
 */
public final class Failures {

    private static final String[] REFUSED_FOR_A_WHILE = { "LOADING", "TRYAGAIN", "CLUSTERDOWN", "MASTERDOWN",
            "BUSY " };

    private static final String[] REDIRECTS = { "MOVED ", "ASK " };

    private static final String[] PERMANENT_CONNECTION = { "WRONGPASS", "NOAUTH", "NOPERM", "Authentication", "refused the connection set-up",
            "has no database", "DB index", "does not speak RESP", "certificate", "SSLHandshake" };

    private Failures() {
    }

    /**
     * @param failure what a read failed with
     * @return whether retrying may succeed
     */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof RedisCommandTimeoutException) {
            return true;
        }
        if (failure instanceof RedisCommandExecutionException) {
            return transientReply(failure.getMessage());
        }
        if (failure instanceof RedisConnectionException) {
            return !mentions(failure, PERMANENT_CONNECTION);
        }
        if (failure instanceof IOException) {
            return true;
        }
        if (failure instanceof RedisException && failure.getMessage() != null) {
            String message = failure.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("not connected") || message.contains("connection closed")
                    || message.contains("connection reset");
        }
        return false;
    }

    private static boolean transientReply(String message) {
        if (message == null) {
            return false;
        }
        String reply = reply(message);
        return refusedForAWhile(reply) || startsWithAny(reply, REDIRECTS);
    }

    /**
     * @param reply an error reply
     * @return whether it refuses a command only for a while, so that the same command sent again
     *         later may succeed: {@code LOADING}, {@code TRYAGAIN}, {@code CLUSTERDOWN},
     *         {@code MASTERDOWN}, {@code BUSY}. The command was not run.
     */
    public static boolean refusedForAWhile(String reply) {
        return startsWithAny(reply, REFUSED_FOR_A_WHILE);
    }

    /**
     * @param message the message of a failed round trip, which may name the command and key
     *        before the server's reply ({@code HGETALL key failed: <reply>})
     * @return the server's error reply in it
     */
    public static String reply(String message) {
        int at = message.lastIndexOf(" failed: ");
        return at < 0 ? message : message.substring(at + " failed: ".length());
    }

    private static boolean startsWithAny(String text, String[] prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable failure, String[] words) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (String word : words) {
                if (message.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
