package io.redisarrow.core;

import java.util.Objects;

/**
 * Checks the bounds of a stream read's range as {@code XRANGE} takes them: {@code -} or {@code +}, an
 * id {@code ms} or {@code ms-seq} (each part a decimal from 0 to 2^64-1), or such an id after
 * {@code (} to exclude it. A bound Redis would refuse (a part out of range, nothing after the last
 * possible id, nothing before the first) is an {@link IllegalArgumentException} naming the option.
 * {@link CollectionValues#stream} and the builders that take a range check their bounds here, before
 * anything is sent.
 */
public final class StreamIds {

    private static final String LARGEST = "18446744073709551615";

    private StreamIds() {
    }

    /**
     * @param what the option, for messages
     * @param id a range start: {@code -}, an id, or {@code (id}
     * @return the start, as XRANGE takes it
     */
    public static String start(String what, String id) {
        return bound(what, id, CollectionValues.STREAM_START, true);
    }

    /**
     * @param what the option, for messages
     * @param id a range end: {@code +}, an id, or {@code (id}
     * @return the end, as XRANGE takes it
     */
    public static String end(String what, String id) {
        return bound(what, id, CollectionValues.STREAM_END, false);
    }

    /**
     * @param what the option, for messages
     * @param id an id, {@code ms} or {@code ms-seq}, with no {@code (}
     * @return the id
     */
    public static String id(String what, String id) {
        Objects.requireNonNull(id, what + " must not be null");
        if (!isId(id)) {
            throw new IllegalArgumentException(what + " must be a stream id such as 1700000000000-0 or 1700000000000 "
                    + "(each part from 0 to " + LARGEST + "), was '" + id + "'");
        }
        return id;
    }

    private static String bound(String what, String id, String open, boolean start) {
        Objects.requireNonNull(id, what + " must not be null");
        if (id.equals(open)) {
            return id;
        }
        boolean exclusive = id.startsWith("(");
        String plain = exclusive ? id.substring(1) : id;
        if (!isId(plain)) {
            throw new IllegalArgumentException(what + " must be '" + open + "', a stream id such as 1700000000000-0 "
                    + "or 1700000000000 (each part from 0 to " + LARGEST + "), or an id after '(' to exclude it, was '"
                    + id + "'");
        }
        if (exclusive && start && plain.equals(LARGEST + "-" + LARGEST)) {
            throw new IllegalArgumentException(what + " excludes the largest possible stream id, so nothing is after it: '"
                    + id + "'");
        }
        if (exclusive && !start && (plain.matches("0+-0+"))) {
            throw new IllegalArgumentException(what + " excludes the smallest possible stream id, so nothing is before it: '"
                    + id + "'");
        }
        return id;
    }

    private static boolean isId(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? isPart(id) : isPart(id.substring(0, dash)) && isPart(id.substring(dash + 1));
    }

    private static boolean isPart(String part) {
        if (part.isEmpty() || part.length() > LARGEST.length()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return part.length() < LARGEST.length() || part.compareTo(LARGEST) <= 0;
    }
}
