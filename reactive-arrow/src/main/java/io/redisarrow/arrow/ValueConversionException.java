package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * A Redis value that could not be converted to its column's Arrow type under
 * {@link ParseErrorPolicy#FAIL}. Carries the key, the field, the raw value and the type, so the
 * offending data can be found and fixed. For a value inside a JSON document it also carries the
 * JSON path of that value within the document ({@link #path()}, such as {@code $.items[3].price}).
 */
public final class ValueConversionException extends RedisArrowException {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN_BYTES = 200;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;

    private final String field;

    private final byte[] value;

    private final String arrowType;

    private final @Nullable String path;

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
        this.path = null;
    }

    /**
     * For a value inside a JSON document: the message reads {@code cannot convert value '...' at
     * $.a.b of field 'x' in key '...' to Int64 (...)}.
     *
     * @param key the key holding the document
     * @param field the field (column) name
     * @param path the JSON path of the value within the document, such as {@code $.address.zip}
     * @param value the value's JSON text (the message shows its first 200 bytes)
     * @param arrowType the target type, as a person reads it (e.g. {@code List<Int64>})
     * @param reason why it failed, or {@code null}
     */
    public ValueConversionException(byte[] key, String field, String path, byte[] value, String arrowType,
            @Nullable String reason) {
        super("cannot convert value " + quote(value) + " at " + path + " of field '" + field + "' in key " + quote(key)
                + " to " + arrowType + (reason == null ? "" : " (" + reason + ")")
                + "; fix the data, change the schema, or use onParseError(ParseErrorPolicy.NULL)");
        this.key = key.clone();
        this.field = field;
        this.value = value.clone();
        this.arrowType = arrowType;
        this.path = path;
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
     * @return the JSON path of the value within its document (such as {@code $.items[3].price}),
     *         or {@code null} for a value that is not part of a JSON document (a hash field)
     */
    public @Nullable String path() {
        return path;
    }

    /**
     * Renders bytes for a message, quoted: printable ASCII as is ({@code '} and {@code \\}
     * escaped), well-formed UTF-8 of printable characters as text, and every other byte (control
     * characters, bytes of invalid or overlong UTF-8) as its value, {@code \xNN}. Values longer
     * than 200 bytes are cut there and end with {@code ... (N bytes)}.
     */
    static String quote(byte[] bytes) {
        int shown = Math.min(bytes.length, SHOWN_BYTES);
        StringBuilder out = new StringBuilder(shown + 16).append('\'');
        int i = 0;
        while (i < shown) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                if (b == '\'' || b == '\\') {
                    out.append('\\');
                }
                out.append((char) b);
                i++;
                continue;
            }
            int length = b >= 0x80 ? sequenceLength(bytes, i, shown) : 0;
            int codePoint = length > 0 ? codePoint(bytes, i, length) : -1;
            if (codePoint >= 0 && !Character.isISOControl(codePoint)) {
                out.appendCodePoint(codePoint);
                i += length;
            } else {
                out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                i++;
            }
        }
        out.append('\'');
        if (bytes.length > SHOWN_BYTES) {
            out.append("... (").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }

    /** @return the length of the well-formed UTF-8 sequence at {@code i} ending by {@code end}, or 0 */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int b = bytes[i] & 0xff;
        int length;
        int min;
        int max = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            min = b == 0xe0 ? 0xa0 : 0x80; // no overlong forms
            max = b == 0xed ? 0x9f : 0xbf; // no surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            min = b == 0xf0 ? 0x90 : 0x80;
            max = b == 0xf4 ? 0x8f : 0xbf; // nothing past U+10FFFF
        } else {
            return 0;
        }
        if (i + length > end) {
            return 0;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return 0;
            }
        }
        return length;
    }

    private static int codePoint(byte[] bytes, int i, int length) {
        int codePoint = bytes[i] & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
        }
        return codePoint;
    }
}
