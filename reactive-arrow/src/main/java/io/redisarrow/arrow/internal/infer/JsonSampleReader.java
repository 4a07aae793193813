package io.redisarrow.arrow.internal.infer;

import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.SampledDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

import java.nio.charset.StandardCharsets;

/**
 * Reads sampled JSON documents ({@code JSON.GET key $} replies, {@code [doc]}) into a tree of
 * {@link JsonPlace}s with Jackson's streaming parser: each member, array element and scalar is
 * counted at its place; numbers keep their text, booleans {@code true}/{@code false}, and strings
 * their UTF-8 bytes when they may be a date or date-time. A container more than
 * {@link #MAX_DEPTH} levels down is skipped and marks its place as too deep.
 */
final class JsonSampleReader {

    /** The deepest level whose containers get nested types; top-level members are level 1. */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private static final byte[] NO_BYTES = {};

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final ValueClassifier classifier;

    JsonSampleReader(ValueClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Reads one document's top-level members into the places below {@code root}; a document that
     * is not an object adds nothing.
     *
     * @throws RedisArrowException when the reply is not JSON
     */
    void read(SampledDocument document, JsonPlace root) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), document.json())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw notJson(document, null);
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                root.markObject();
                readMembers(parser, root, 1);
            } else if (token != JsonToken.END_ARRAY) {
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            throw notJson(document, e);
        }
    }

    /** Reads the members of the object the parser is in; they sit at {@code depth}. */
    private void readMembers(JsonParser parser, JsonPlace object, int depth) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            JsonPlace member = object.member(parser.currentName());
            member.markPresent();
            readValue(parser, parser.nextToken(), member, depth);
        }
    }

    private void readValue(JsonParser parser, JsonToken token, JsonPlace place, int depth) {
        ValueSamples values = place.values();
        switch (token) {
            case START_OBJECT -> {
                values.count(ValueKind.OBJECT);
                if (depth > MAX_DEPTH) {
                    place.markTooDeep();
                    parser.skipChildren();
                } else {
                    place.markObject();
                    readMembers(parser, place, depth + 1);
                }
            }
            case START_ARRAY -> {
                values.count(ValueKind.ARRAY);
                if (depth > MAX_DEPTH) {
                    place.markTooDeep();
                    parser.skipChildren();
                } else {
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                        readValue(parser, element, place.elements(), depth + 1);
                    }
                }
            }
            case VALUE_NUMBER_INT -> values.add(ValueKind.INTEGER, ascii(parser.getString()));
            case VALUE_NUMBER_FLOAT -> values.add(ValueKind.FLOAT, ascii(parser.getString()));
            case VALUE_TRUE -> values.add(ValueKind.BOOLEAN, TRUE);
            case VALUE_FALSE -> values.add(ValueKind.BOOLEAN, FALSE);
            case VALUE_NULL -> values.count(ValueKind.NULL);
            case VALUE_STRING -> string(parser, values);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /** A string: its bytes are kept only when it may be a date or a date-time. */
    private void string(JsonParser parser, ValueSamples values) {
        int length = parser.getStringLength();
        char first = length == 0 ? ' ' : parser.getStringCharacters()[parser.getStringOffset()];
        if (length < 10 || length > 40 || first < '0' || first > '9') {
            values.add(ValueKind.STRING, NO_BYTES);
            return;
        }
        byte[] text = parser.getString().getBytes(StandardCharsets.UTF_8);
        values.add(classifier.jsonString(text), text);
    }

    private static byte[] ascii(String number) {
        return number.getBytes(StandardCharsets.US_ASCII);
    }

    private static RedisArrowException notJson(SampledDocument document, JacksonException cause) {
        String key = new String(document.key(), StandardCharsets.UTF_8);
        String message = "JSON.GET of key '" + key + "' did not return a JSON array"
                + (cause == null ? "" : ": " + cause.getOriginalMessage());
        return cause == null ? new RedisArrowException(message) : new RedisArrowException(message, cause);
    }
}
