package io.redisarrow.arrow.internal.consumer;

/**
 * Signals bytes that are not a value of the target type. One shared instance without a stack
 * trace: parsers throw it, consumers catch it and answer {@code false}, so the success path
 * carries no flag checks and the failure path no allocation.
 */
final class ParseFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final ParseFailure INSTANCE = new ParseFailure();

    private ParseFailure() {
        super("unparsable value", null, false, false);
    }
}
