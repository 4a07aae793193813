package io.redisarrow.arrow.internal.json;

/**
 * The part of JSONPath this package reads and writes: telling a definite path (one that selects at
 * most one value) from an indefinite one, and spelling a member name as a path segment.
 */
final class JsonPathSyntax {

    private JsonPathSyntax() {
    }

    /**
     * @param path a JSONPath as sent to {@code JSON.GET}
     * @return whether it is {@code $} followed only by {@code .name}, {@code ['name']},
     *         {@code ["name"]} and {@code [n]} (also {@code [-n]}) segments
     */
    static boolean isDefinite(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) != '$') {
            return false;
        }
        int i = 1;
        while (i < length) {
            char c = path.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < length && isNameChar(path.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return false; // "..", ".*", ".[" or a trailing "."
                }
            } else if (c == '[') {
                i = bracket(path, i + 1);
                if (i < 0) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    /** @return the index after the {@code ]} closing a quoted name or an integer index, or -1 for anything else */
    private static int bracket(String path, int i) {
        int length = path.length();
        if (i >= length) {
            return -1;
        }
        char first = path.charAt(i);
        if (first == '\'' || first == '"') {
            i++;
            while (i < length && path.charAt(i) != first) {
                i += path.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1 < length && path.charAt(i + 1) == ']' ? i + 2 : -1;
        }
        if (first == '-') {
            i++;
        }
        int start = i;
        while (i < length && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
            i++;
        }
        return i > start && i < length && path.charAt(i) == ']' ? i + 1 : -1;
    }

    private static boolean isNameChar(char c) {
        return c != '.' && c != '[' && c != ']' && c != '*' && c != '?' && c != '(' && c != ')' && c != ','
                && c != '\'' && c != '"' && c != '@' && !Character.isWhitespace(c);
    }

    /**
     * Appends a member name as a path segment: {@code .name} for a plain name (letters, digits and
     * {@code _}, not starting with a digit), {@code ['name']} otherwise, with {@code '} and
     * {@code \} escaped.
     */
    static void appendMember(StringBuilder path, String name) {
        if (isPlain(name)) {
            path.append('.').append(name);
            return;
        }
        path.append("['");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\'' || c == '\\') {
                path.append('\\');
            }
            path.append(c);
        }
        path.append("']");
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
