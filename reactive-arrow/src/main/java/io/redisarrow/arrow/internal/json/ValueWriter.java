package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Writes JSON values into one vector of the schema, one slot at a time; a nested type holds the
 * writers of its children, so writers recurse as deep as the schema and no deeper.
 *
 * <p>Every slot a writer is given is written exactly once, in order ({@link #write} or
 * {@link #writeNull}); a slot may be written again, in order, after a row is rolled back (a row
 * whose input turned out malformed is nulled). {@link #finish} then fixes every vector's value
 * count from the slots written.
 */
abstract class ValueWriter {

    static final String NOT_NULLABLE = "the field is declared not nullable, so it cannot be nulled";

    final Field field;

    final boolean nullable;

    final Cursor cursor;

    ValueWriter(Field field, Cursor cursor) {
        this.field = field;
        this.nullable = field.isNullable();
        this.cursor = cursor;
    }

    /**
     * Writes the value starting at the parser's current token into {@code slot}, leaving the parser
     * on the value's last token. A value of the wrong shape or that does not parse is handled by
     * the policy ({@link #mismatch}).
     *
     * @param parser positioned on the value's first token
     * @param token that token
     * @param slot the slot to write
     */
    abstract void write(JsonParser parser, JsonToken token, int slot);

    /** Sets {@code slot} null, children included, whatever the field's nullability. */
    abstract void writeNull(int slot);

    /** Sets the value counts once {@code valueCount} slots are written. */
    abstract void finish(int valueCount);

    /** @return the field's type as a message shows it, such as {@code List<Int64>} */
    final String type() {
        return Consumers.describe(field);
    }

    /** A JSON {@code null}: a null slot, or an error whatever the policy when the field is not nullable. */
    final void writeJsonNull(int slot) {
        if (!nullable) {
            throw cursor.error(Cursor.NULL_TEXT.clone(), type(), "the value is null but the field is declared not nullable");
        }
        writeNull(slot);
    }

    /**
     * Checks that the value at the parser's current token opens the container this writer reads;
     * when it does not, writes the JSON {@code null} or reports the mismatch.
     *
     * @param start {@link JsonToken#START_OBJECT} or {@link JsonToken#START_ARRAY}
     * @param reason the mismatch's reason, such as {@code a List reads a JSON array}
     * @return whether the caller goes on to read the container
     */
    final boolean opens(JsonParser parser, JsonToken token, int slot, JsonToken start, String reason) {
        if (token == start) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            writeJsonNull(slot);
        } else {
            mismatch(parser, token, slot, reason);
        }
        return false;
    }

    /**
     * The value at the parser's current token cannot be written: under {@link ParseErrorPolicy#NULL}
     * a nullable slot is set null and counted (an object's or array's children skipped); otherwise
     * a {@link io.redisarrow.arrow.ValueConversionException} names key, column, path, value and type.
     */
    final void mismatch(JsonParser parser, JsonToken token, int slot, @Nullable String reason) {
        if (cursor.nullOnError && nullable) {
            if (token.isStructStart()) {
                parser.skipChildren();
            }
            writeNull(slot);
            cursor.nulled++;
            return;
        }
        throw cursor.error(cursor.valueText(parser, token), type(), reason(reason));
    }

    /** As {@link #mismatch}, for a value whose text is already known and whose tokens are consumed. */
    final void rejected(int slot, byte[] text, @Nullable String reason) {
        if (cursor.nullOnError && nullable) {
            writeNull(slot);
            cursor.nulled++;
            return;
        }
        throw cursor.error(text, type(), reason(reason));
    }

    /** @return the reason, with why the policy could not null the slot when it tried */
    private @Nullable String reason(@Nullable String reason) {
        if (!cursor.nullOnError) {
            return reason;
        }
        return reason == null ? NOT_NULLABLE : reason + "; " + NOT_NULLABLE;
    }
}
