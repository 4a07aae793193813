package io.redisarrow.arrow.internal.infer;

import java.util.ArrayList;
import java.util.List;

/**
 * The values seen at one place (a hash field, or a position in JSON documents): the count of each
 * kind, and the values the type rules still need. Those are the values of {@link ValueKind#typed()}
 * kinds, kept only until a value of an untyped scalar kind ({@code string}, {@code binary}) shows
 * that the place can only be text, after which none is kept. Not thread-safe.
 */
final class ValueSamples {

    private final KindCounts kinds = new KindCounts();

    private final List<byte[]> typed = new ArrayList<>();

    private boolean text;

    /**
     * @param kind the value's kind
     * @param value the value's bytes (for JSON: a number's text, {@code true}/{@code false}, or a
     *        string's UTF-8 bytes); ignored for the kinds that need none
     */
    void add(ValueKind kind, byte[] value) {
        kinds.add(kind);
        if (kind == ValueKind.STRING || kind == ValueKind.BINARY) {
            text = true;
            typed.clear();
        } else if (kind.typed() && !text) {
            typed.add(value);
        }
    }

    /** Counts a value that needs no bytes: {@link ValueKind#OBJECT}, {@link ValueKind#ARRAY} or {@link ValueKind#NULL}. */
    void count(ValueKind kind) {
        kinds.add(kind);
    }

    void addAll(ValueSamples other) {
        kinds.addAll(other.kinds);
        text |= other.text;
        if (text) {
            typed.clear();
        } else {
            typed.addAll(other.typed);
        }
    }

    KindCounts kinds() {
        return kinds;
    }

    /** @return the values of typed kinds, empty once a text value was seen */
    List<byte[]> typedValues() {
        return typed;
    }
}
