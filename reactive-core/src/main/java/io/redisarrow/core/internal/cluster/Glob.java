package io.redisarrow.core.internal.cluster;

import java.nio.charset.StandardCharsets;

/**
 * A SCAN MATCH glob, matched as Redis matches it ({@code stringmatchlen}): {@code *} any bytes,
 * {@code ?} one byte, {@code [abc]}, {@code [^abc]} and {@code [a-z]} sets, {@code \} escapes the
 * next byte. Used where keys come from a command without MATCH ({@code CLUSTER GETKEYSINSLOT}).
 * Immutable.
 */
public final class Glob {

    private final byte[] pattern;

    /** @param pattern the glob */
    public Glob(String pattern) {
        this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param key a key
     * @return whether the glob matches all of it
     */
    public boolean matches(byte[] key) {
        return match(0, key, 0);
    }

    private boolean match(int p, byte[] key, int k) {
        while (p < pattern.length) {
            byte c = pattern[p];
            switch (c) {
                case '*' -> {
                    while (p + 1 < pattern.length && pattern[p + 1] == '*') {
                        p++;
                    }
                    if (p + 1 == pattern.length) {
                        return true;
                    }
                    for (int from = k; from <= key.length; from++) {
                        if (match(p + 1, key, from)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (k >= key.length) {
                        return false;
                    }
                    k++;
                    p++;
                }
                case '[' -> {
                    if (k >= key.length) {
                        return false;
                    }
                    int next = set(p + 1, key[k]);
                    if (next < 0) {
                        return false;
                    }
                    k++;
                    p = next;
                }
                case '\\' -> {
                    if (p + 1 < pattern.length) {
                        p++;
                    }
                    if (k >= key.length || key[k] != pattern[p]) {
                        return false;
                    }
                    k++;
                    p++;
                }
                default -> {
                    if (k >= key.length || key[k] != c) {
                        return false;
                    }
                    k++;
                    p++;
                }
            }
        }
        return k == key.length;
    }

    /**
     * Matches one byte against the set that starts at {@code from} (after its {@code [}), reading
     * the set as Redis does: {@code \\} escapes, {@code x-y} is a range even when {@code y} is
     * {@code ]}, and a set left open runs to the end of the pattern.
     *
     * @return the index after the set when the byte is in it, else -1
     */
    private int set(int from, byte b) {
        int p = from;
        boolean not = p < pattern.length && pattern[p] == '^';
        if (not) {
            p++;
        }
        boolean found = false;
        int value = b & 0xff;
        while (p < pattern.length) {
            if (pattern[p] == '\\' && p + 1 < pattern.length) {
                found |= (pattern[p + 1] & 0xff) == value;
                p += 2;
            } else if (pattern[p] == ']') {
                p++;
                return not != found ? p : -1;
            } else if (p + 2 < pattern.length && pattern[p + 1] == '-') {
                int lo = pattern[p] & 0xff;
                int hi = pattern[p + 2] & 0xff;
                found |= value >= Math.min(lo, hi) && value <= Math.max(lo, hi);
                p += 3;
            } else {
                found |= (pattern[p] & 0xff) == value;
                p++;
            }
        }
        return not != found ? p : -1;
    }
}
