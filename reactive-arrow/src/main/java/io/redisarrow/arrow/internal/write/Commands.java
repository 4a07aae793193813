package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.arrow.internal.encode.Resp;
import io.redisarrow.core.WriteScript;
import io.redisarrow.core.internal.resp.RespWriter;


/**
 * The RESP framing of write commands: command names and fixed arguments encoded once, and the
 * pieces every writer appends (a key, a TTL, a transaction's ends, a script call's head).
 */
final class Commands {

    static final byte[] MULTI = array("MULTI");

    static final byte[] EXEC = array("EXEC");

    static final byte[] DEL = bulk("DEL");

    static final byte[] HSET = bulk("HSET");

    static final byte[] PEXPIRE = bulk("PEXPIRE");

    static final byte[] PERSIST = bulk("PERSIST");

    static final byte[] SET = bulk("SET");

    static final byte[] JSON_SET = bulk("JSON.SET");

    static final byte[] ROOT = bulk("$");

    static final byte[] SADD = bulk("SADD");

    static final byte[] RPUSH = bulk("RPUSH");

    static final byte[] ZADD = bulk("ZADD");

    static final byte[] NX = bulk("NX");

    static final byte[] PX = bulk("PX");

    static final byte[] KEEPTTL = bulk("KEEPTTL");

    static final byte[] EVALSHA = bulk("EVALSHA");

    private static final byte[] ONE_KEY = bulk("1");

    private static final byte[] ONLY_IF_ABSENT = bulk("N");

    private static final byte[] ANYWAY = bulk("");

    private static final byte[] NO_TTL_CHANGE = bulk("");

    private static final byte[] NO_EXPIRY = bulk("-1");

    private static final byte[] APPLY_SHA = bulk(WriteScript.APPLY.sha());

    private static final byte[] JSON_MERGE_SHA = bulk(WriteScript.JSON_MERGE.sha());

    /** The arguments of a script call before the script's own: EVALSHA, sha, 1, key, flag, TTL. */
    static final int SCRIPT_HEAD = 6;

    private Commands() {
    }

    static byte[] bulk(String text) {
        return RespWriter.bulk(text);
    }

    /** @return {@code $<length>\r\n<bytes>\r\n} */
    static byte[] bulk(byte[] bytes) {
        return RespWriter.bulk(bytes);
    }

    private static byte[] array(String command) {
        byte[] name = bulk(command);
        byte[] out = new byte[4 + name.length];
        out[0] = '*';
        out[1] = '1';
        out[2] = '\r';
        out[3] = '\n';
        System.arraycopy(name, 0, out, 4, name.length);
        return out;
    }

    static void key(ByteBuf out, KeyBytes key) {
        Resp.writeBulk(out, key.bytes(), 0, key.length());
    }

    /** Appends {@code PEXPIRE key ms} as a whole command. */
    static void pexpire(ByteBuf out, KeyBytes key, long millis) {
        Resp.writeArrayHeader(out, 3);
        out.writeBytes(PEXPIRE);
        key(out, key);
        Resp.writeBulk(out, millis);
    }

    /** Appends {@code DEL key} as a whole command. */
    static void del(ByteBuf out, KeyBytes key) {
        Resp.writeArrayHeader(out, 2);
        out.writeBytes(DEL);
        key(out, key);
    }

    /**
     * Appends the head of a call of a {@link WriteScript}: the array header for
     * {@link #SCRIPT_HEAD} + {@code scriptArgs} arguments, {@code EVALSHA sha 1 key flag ttl}.
     *
     * @param ttl milliseconds, {@link RowTtls#PERSIST} or {@link RowTtls#UNSET}
     */
    static void scriptHead(ByteBuf out, WriteScript script, int scriptArgs, KeyBytes key, boolean onlyIfAbsent,
            long ttl) {
        Resp.writeArrayHeader(out, SCRIPT_HEAD + scriptArgs);
        out.writeBytes(EVALSHA);
        out.writeBytes(script == WriteScript.APPLY ? APPLY_SHA : JSON_MERGE_SHA);
        out.writeBytes(ONE_KEY);
        key(out, key);
        out.writeBytes(onlyIfAbsent ? ONLY_IF_ABSENT : ANYWAY);
        if (ttl == RowTtls.UNSET) {
            out.writeBytes(NO_TTL_CHANGE);
        } else if (ttl == RowTtls.PERSIST) {
            out.writeBytes(NO_EXPIRY);
        } else {
            Resp.writeBulk(out, ttl);
        }
    }
}
