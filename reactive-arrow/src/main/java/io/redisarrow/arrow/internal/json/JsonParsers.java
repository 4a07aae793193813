package io.redisarrow.arrow.internal.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Opens Jackson parsers over byte ranges, with the limits this package documents: values nest at
 * most {@link JsonTypes#MAX_DEPTH} levels, and documents, strings and member names may be as long
 * as a Java array. One factory per number of levels a reply wraps its values in ({@code JSON.GET}
 * wraps a document in one array, or in an object of arrays), so a value's own depth is what is
 * limited. Factories are immutable and shared.
 */
final class JsonParsers {

    /** Longest number text (Decimal(38) with an exponent fits easily). */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory[] FACTORIES = { factory(0), factory(1), factory(2) };

    private JsonParsers() {
    }

    private static JsonFactory factory(int wrappingLevels) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JsonTypes.MAX_DEPTH + wrappingLevels)
                        .maxDocumentLength(-1)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
    }

    /**
     * @param wrappingLevels how many levels the input wraps its values in: 0 for a JSON text, 1 or 2
     *        for a {@code JSON.GET} reply
     */
    static JsonParser open(byte[] data, int offset, int length, int wrappingLevels) {
        return FACTORIES[wrappingLevels].createParser(ObjectReadContext.empty(), data, offset, length);
    }

    /**
     * @param failure a parser's {@link JacksonException} or a {@link MalformedJson}
     * @return why the input cannot be decoded, for a message: {@code not valid JSON: ...}, the depth
     *         limit, or what the reply should have been
     */
    static String reason(RuntimeException failure) {
        if (failure instanceof StreamConstraintsException) {
            if (failure.getMessage() != null && failure.getMessage().contains("nesting depth")) {
                return "nested deeper than " + JsonTypes.MAX_DEPTH + " levels, the most JSON values may nest";
            }
            return "exceeds a JSON limit: " + ((JacksonException) failure).getOriginalMessage();
        }
        if (failure instanceof JacksonException jackson) {
            String message = jackson.getOriginalMessage();
            // drop the parser's "(start marker at [Source: REDACTED ...])" detail: the input is in the message anyway
            message = message.replaceAll(" ?\\(start marker at \\[Source: [^\\]]*\\]\\)", "");
            if (jackson.getLocation() != null && jackson.getLocation().getByteOffset() >= 0) {
                message += " at byte " + jackson.getLocation().getByteOffset();
            }
            return "not valid JSON: " + message;
        }
        return String.valueOf(failure.getMessage()); // a MalformedJson says it all
    }
}
