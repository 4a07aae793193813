package io.redisarrow.arrow.internal.consumer;

/**
 * Parses booleans: {@code true/false}, {@code 1/0}, {@code yes/no}, {@code t/f}, {@code y/n}, in
 * any case.
 */
final class Booleans {

    private Booleans() {
    }

    /** @throws ParseFailure for any other bytes */
    static boolean parse(byte[] data, int offset, int length) {
        int end = offset + length;
        switch (length) {
            case 1: {
                byte c = data[offset];
                if (c == '1') {
                    return true;
                }
                if (c == '0') {
                    return false;
                }
                int letter = c | 0x20;
                if (letter == 't' || letter == 'y') {
                    return true;
                }
                if (letter == 'f' || letter == 'n') {
                    return false;
                }
                break;
            }
            case 2:
                if (AsciiNumbers.matches(data, offset, end, "no")) {
                    return false;
                }
                break;
            case 3:
                if (AsciiNumbers.matches(data, offset, end, "yes")) {
                    return true;
                }
                break;
            case 4:
                if (AsciiNumbers.matches(data, offset, end, "true")) {
                    return true;
                }
                break;
            case 5:
                if (AsciiNumbers.matches(data, offset, end, "false")) {
                    return false;
                }
                break;
            default:
                break;
        }
        throw ParseFailure.INSTANCE;
    }
}
