package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Redis value that could not be converted to its column's Arrow type under
 * {@link ParseErrorPolicy#FAIL}. Carries the key, the field, the raw value and the type, so the
 * offending data can be found and fixed.
 */
public final class ValueConversionException extends RedisArrowException {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN_BYTES = 200;

    private final byte[] key;

    private final String field;

    private final byte[] value;

    private final String arrowType;

    /**
     * @param key the key of the hash
     * @param field the field (column) name
     * @param value the raw value
     * @param arrowType the target type, as a person reads it (e.g. {@code Int64})
     * @param reason why it failed, or {@code null}
     */
    public ValueConversionException(byte[] key, String field, byte[] value, String arrowType, String reason) {
        super("cannot convert value " + quote(value) + " of field '" + field + "' in key " + quote(key) + " to "
                + arrowType + (reason == null ? "" : " (" + reason + ")")
                + "; fix the data, change the schema, or use onParseError(ParseErrorPolicy.NULL)");
        this.key = key.clone();
        this.field = field;
        this.value = value.clone();
        this.arrowType = arrowType;
    }

    /** @return a copy of the key */
    public byte[] key() {
        return key.clone();
    }

    /** @return the key as UTF-8 text (invalid bytes replaced) */
    public String keyAsString() {
        return new String(key, StandardCharsets.UTF_8);
    }

    /** @return the field name */
    public String field() {
        return field;
    }

    /** @return a copy of the raw value */
    public byte[] value() {
        return value.clone();
    }

    /** @return the target Arrow type */
    public String arrowType() {
        return arrowType;
    }

    /**
     * Renders bytes for a message: printable ASCII and UTF-8 as text, other bytes as {@code \xNN},
     * long values cut after 200 bytes.
     */
    static String quote(byte[] bytes) {
        byte[] shown = bytes.length > SHOWN_BYTES ? Arrays.copyOf(bytes, SHOWN_BYTES) : bytes;
        String text = new String(shown, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (bytes.length > SHOWN_BYTES) {
            out.append("... (").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }
}
