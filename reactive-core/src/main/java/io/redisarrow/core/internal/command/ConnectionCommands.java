package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the commands that set up or probe a connection: {@code AUTH [user] password},
 * {@code SELECT db}, {@code READONLY}, {@code ASKING} and {@code PING}.
 */
public final class ConnectionCommands {

    private static final byte[] AUTH = RespWriter.bulk("AUTH");

    private static final byte[] SELECT = RespWriter.bulk("SELECT");

    private static final byte[] PING = RespWriter.bulk("PING");

    private static final byte[] READONLY = RespWriter.bulk("READONLY");

    private static final byte[] ASKING = RespWriter.bulk("ASKING");

    /** The bytes {@link #asking(ByteBuf)} writes. */
    public static final int ASKING_BYTES = 4 + ASKING.length;

    private ConnectionCommands() {
    }

    /**
     * Writes {@code AUTH [user] password}.
     *
     * @param user the ACL user, or null for the default user
     * @param password the password
     */
    public static void auth(ByteBuf out, @Nullable String user, char[] password) {
        RespWriter.arrayHeader(out, user == null ? 2 : 3);
        out.writeBytes(AUTH);
        if (user != null) {
            RespWriter.bulk(out, user.getBytes(StandardCharsets.UTF_8));
        }
        RespWriter.bulk(out, new String(password).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code SELECT database}. */
    public static void select(ByteBuf out, int database) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(SELECT);
        RespWriter.bulk(out, Integer.toString(database).getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code READONLY}: a cluster replica then serves reads of its master's slots. */
    public static void readOnly(ByteBuf out) {
        RespWriter.arrayHeader(out, 1);
        out.writeBytes(READONLY);
    }

    /** Writes {@code ASKING}: the next command runs on a cluster node importing its key's slot. */
    public static void asking(ByteBuf out) {
        RespWriter.arrayHeader(out, 1);
        out.writeBytes(ASKING);
    }

    /** Writes {@code PING}. */
    public static void ping(ByteBuf out) {
        RespWriter.arrayHeader(out, 1);
        out.writeBytes(PING);
    }
}
