package io.redisarrow.arrow.internal.json;

/**
 * Input that parses but is not the shape it must be (no value, trailing data after the value, or a
 * reply unlike those {@code JSON.GET} sends). Handled like a parser's own failure. Without a stack
 * trace: the message is all a caller needs.
 */
final class MalformedJson extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedJson(String message) {
        super(message, null, false, false);
    }
}
