package io.redisarrow.arrow.consumer;

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
                int c = data[offset] | 0x20;
                if (c == '1' || c == 't' || c == 'y') {
                    return true;
                }
                if (c == '0' || c == 'f' || c == 'n') {
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
