package io.redisarrow.core.internal.cluster;

import io.lettuce.core.cluster.SlotHash;

import java.nio.charset.StandardCharsets;

/**
 * The one hash slot every key a MATCH pattern can match lives in, when the pattern fixes the key's
 * hash tag: the text up to the first {@code }} after the first {@code {} has no glob character
 * ({@code * ? [ \}), and the tag between them is not empty, as in {@code {user:42}:*}. Every
 * matching key then starts with that text, so its hash tag, and therefore its slot, is the same.
 */
public final class HashTags {

    private HashTags() {
    }

    /**
     * @param pattern a SCAN MATCH glob
     * @return the slot of every key it can match, or -1 when keys in several slots can match
     */
    public static int slotOf(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            return -1;
        }
        int close = pattern.indexOf('}', open + 1);
        if (close < 0 || close == open + 1) {
            return -1;
        }
        for (int i = 0; i < close; i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return -1;
            }
        }
        return SlotHash.getSlot(pattern.substring(open + 1, close).getBytes(StandardCharsets.UTF_8));
    }
}
