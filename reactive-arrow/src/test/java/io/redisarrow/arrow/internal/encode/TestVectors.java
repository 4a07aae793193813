package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fills vectors of any supported type from plain Java values, and reads RESP bulk strings back.
 */
public final class TestVectors {

    private TestVectors() {
    }

    /**
     * @param values per row: null, or a Number (integers, floats, epoch counts: days for
     *               Date(DAY), milliseconds for Date(MILLISECOND), the unit for Timestamp), a
     *               Boolean, a BigDecimal, a String (Utf8) or a byte[] (Binary)
     * @return a vector named {@code col} holding them, owned by the caller
     */
    static FieldVector vector(BufferAllocator allocator, ArrowType type, Object... values) {
        FieldVector vector = new Field("col", FieldType.nullable(type), null).createVector(allocator);
        try {
            vector.setInitialCapacity(Math.max(1, values.length));
            vector.allocateNew();
            for (int row = 0; row < values.length; row++) {
                set(vector, row, values[row]);
            }
            vector.setValueCount(values.length);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    /**
     * Sets one cell from a plain Java value, as {@link #vector} takes them.
     */
    public static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
        } else if (vector instanceof BaseIntVector integers) {
            integers.setWithPossibleTruncate(row, ((Number) value).longValue());
        } else if (vector instanceof Float4Vector floats) {
            floats.setSafe(row, ((Number) value).floatValue());
        } else if (vector instanceof Float8Vector doubles) {
            doubles.setSafe(row, ((Number) value).doubleValue());
        } else if (vector instanceof BitVector bits) {
            bits.setSafe(row, (Boolean) value ? 1 : 0);
        } else if (vector instanceof DecimalVector decimals) {
            decimals.setSafe(row, (BigDecimal) value);
        } else if (vector instanceof DateDayVector days) {
            days.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof DateMilliVector millis) {
            millis.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof TimeStampVector timestamps) {
            timestamps.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof BaseVariableWidthVector variable) {
            variable.setSafe(row, value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) value);
        } else {
            throw new IllegalArgumentException("no setter for " + vector.getClass().getSimpleName());
        }
    }

    /**
     * @return the complete bulk string the encoder writes for the row (header and end included)
     */
    static byte[] bulk(ValueEncoder encoder, int row) {
        ByteBuf out = Unpooled.buffer();
        try {
            encoder.writeBulk(row, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /**
     * Checks the framing of one RESP bulk string strictly and returns its payload.
     *
     * @throws AssertionError when the bytes are not exactly one well-formed bulk string
     */
    static byte[] payload(byte[] bulk) {
        if (bulk.length < 5 || bulk[0] != '$') {
            throw new AssertionError("not a bulk string: " + printable(bulk));
        }
        int i = 1;
        long length = 0;
        while (i < bulk.length && bulk[i] >= '0' && bulk[i] <= '9') {
            length = length * 10 + (bulk[i++] - '0');
        }
        boolean leadingZero = bulk[1] == '0' && i > 2;
        if (i == 1 || leadingZero || i + 1 >= bulk.length || bulk[i] != '\r' || bulk[i + 1] != '\n') {
            throw new AssertionError("bad bulk header: " + printable(bulk));
        }
        int start = i + 2;
        if (start + length + 2 != bulk.length || bulk[bulk.length - 2] != '\r' || bulk[bulk.length - 1] != '\n') {
            throw new AssertionError("bulk length " + length + " does not frame the " + bulk.length + " bytes: " + printable(bulk));
        }
        return Arrays.copyOfRange(bulk, start, start + (int) length);
    }

    static String printable(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
    }
}
