package io.redisarrow.arrow.internal.consumer;

/**
 * Tells epoch integers from ISO-8601 text for the date and timestamp consumers.
 */
final class Temporals {

    private Temporals() {
    }

    /** @return whether the bytes are an optionally signed run of digits */
    static boolean isInteger(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (i < end && (data[i] == '-' || data[i] == '+')) {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            if (data[i] < '0' || data[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
