package io.redisarrow.arrow;

/**
 * How {@link Query} writes a field name, a TAG value or a TEXT word into RediSearch query text so
 * that the query parser reads it as that one name or value and never as syntax.
 *
 * <p>The parser's words are runs of characters other than ASCII punctuation, whitespace and
 * control characters, where a backslash before ASCII punctuation or whitespace makes that
 * character part of the word (and is removed when the word is read). Bytes of non-ASCII characters
 * are word characters as they stand. So a backslash goes before every ASCII character other than a
 * letter or a digit, {@code _} included (a lone {@code _} is otherwise dropped as punctuation).
 * A backslash before a letter, a digit or a non-ASCII character is not an escape: those are never
 * escaped. Control characters other than whitespace cannot be written at all.
 */
final class QueryEscaping {

    private QueryEscaping() {
    }

    /**
     * @param field a field name or alias of the index
     * @return {@code @} and the escaped name ({@code _} is left as is there)
     * @throws IllegalArgumentException when the name is empty or holds a character no query can hold
     */
    static String field(String field) {
        check(field, "field name");
        return "@" + escape(field, false);
    }

    /**
     * @param value a TAG value or a TEXT word
     * @param what what the value is, for messages
     * @return the value with a backslash before every ASCII character other than a letter or digit
     * @throws IllegalArgumentException when the value is empty or holds a character no query can hold
     */
    static String value(String value, String what) {
        check(value, what);
        return escape(value, true);
    }

    private static String escape(String s, boolean underscore) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && !isAsciiLetterOrDigit(c) && (underscore || c != '_')) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Rejects what a query cannot express: the empty string, control characters other than the
     * whitespace (tab, line feed, vertical tab, form feed, carriage return), and unpaired surrogates
     * (not Unicode, so not UTF-8).
     */
    private static void check(String s, String what) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) && !isAsciiWhitespace(c)) {
                throw new IllegalArgumentException(what + " '" + printable(s) + "' holds the control character "
                        + codePoint(c) + ", which a RediSearch query cannot express");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException(what + " '" + printable(s) + "' holds the unpaired surrogate "
                            + codePoint(c) + " at index " + i + ", which is not Unicode text");
                }
                i++;
            }
        }
    }

    /** @return whether {@code c} is an ASCII control character (C0 or DEL) */
    static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** @return {@code s} with control characters and unpaired surrogates as Java escapes, for messages */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) || Character.isSurrogate(c) && !isPair(s, i)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(c);
    }
}
