package io.redisarrow.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The server-side scripts writes use where one key's write must decide on the server
 * (write only when the key is absent) or must stop at its first failing command (so a TTL is never
 * set on a key whose write failed). A write loads the scripts it uses ({@code SCRIPT LOAD}) on its
 * own connection before its first batch, and calls them with {@code EVALSHA}.
 *
 * <p>Both take the key as {@code KEYS[1]} and return 1 when they wrote, 0 when they declined.
 * {@code ARGV[1]} is {@code N} to write only when the key is absent, anything else to write
 * anyway; {@code ARGV[2]} is the TTL: empty to leave it as it is, {@code -1} to remove it
 * ({@code PERSIST}), else milliseconds ({@code PEXPIRE}).
 */
public enum WriteScript {

    /**
     * {@code ARGV[3]} is a command ({@code HSET}, {@code SADD}, {@code RPUSH}, {@code ZADD},
     * {@code JSON.SET}) called on the key with the arguments from {@code ARGV[4]} on, in calls of
     * at most 1000 arguments (an even number, so field-value and score-member pairs stay whole,
     * and few enough for Lua's stack); with no arguments it is not called.
     */
    APPLY("""
            local key = KEYS[1]
            if ARGV[1] == 'N' and redis.call('EXISTS', key) == 1 then return 0 end
            local n = #ARGV
            for i = 4, n, 1000 do
              redis.call(ARGV[3], key, unpack(ARGV, i, math.min(i + 999, n)))
            end
            if ARGV[2] == '-1' then redis.call('PERSIST', key)
            elseif ARGV[2] ~= '' then redis.call('PEXPIRE', key, ARGV[2]) end
            return 1
            """),

    /**
     * Sets members of a JSON document, creating it as an empty object first when the key is
     * absent and there is a member to set: from {@code ARGV[3]} on, pairs of a JSONPath and a JSON
     * value, each set with {@code JSON.SET}.
     */
    JSON_MERGE("""
            local key = KEYS[1]
            local exists = redis.call('EXISTS', key) == 1
            if ARGV[1] == 'N' and exists then return 0 end
            if not exists and #ARGV >= 3 then redis.call('JSON.SET', key, '$', '{}') end
            for i = 3, #ARGV, 2 do
              redis.call('JSON.SET', key, ARGV[i], ARGV[i + 1])
            end
            if ARGV[2] == '-1' then redis.call('PERSIST', key)
            elseif ARGV[2] ~= '' then redis.call('PEXPIRE', key, ARGV[2]) end
            return 1
            """);

    private final String body;

    private final String sha;

    WriteScript(String body) {
        this.body = body;
        this.sha = sha1(body);
    }

    /** @return the Lua source */
    public String body() {
        return body;
    }

    /** @return the SHA-1 of the source in lower-case hex, as {@code EVALSHA} takes it */
    public String sha() {
        return sha;
    }

    /**
     * @param source a script's source
     * @return its SHA-1 in lower-case hex, the name {@code SCRIPT LOAD} gives it and {@code EVALSHA} takes
     */
    public static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }
}
