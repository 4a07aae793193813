package io.redisarrow.arrow;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key a write could not write, and why, in the server's words.
 */
public final class WriteFailure {

    private final byte[] key;

    private final String reason;

    WriteFailure(byte[] key, String reason) {
        this.key = key.clone();
        this.reason = Objects.requireNonNull(reason, "reason must not be null");
    }

    /** @return the key, decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD) */
    public String key() {
        return new String(key, StandardCharsets.UTF_8);
    }

    /** @return the key's bytes (a copy) */
    public byte[] keyBytes() {
        return key.clone();
    }

    /**
     * @return the server's error message, such as {@code WRONGTYPE Operation against a key holding
     *         the wrong kind of value} or {@code OOM command not allowed when used memory >
     *         'maxmemory'.}
     */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WriteFailure that && Arrays.equals(key, that.key) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + reason.hashCode();
    }

    @Override
    public String toString() {
        return key() + ": " + reason;
    }
}
