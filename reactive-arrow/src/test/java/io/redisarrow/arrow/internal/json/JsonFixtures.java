package io.redisarrow.arrow.internal.json;

import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.Text;
import org.apache.arrow.vector.util.ValueVectorUtility;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields, raw batches and plain Java views of vectors for the JSON decoder's tests. */
final class JsonFixtures {

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType INT32 = new ArrowType.Int(32, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private JsonFixtures() {
    }

    static Field field(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.nullable(type), List.of(children));
    }

    static Field notNull(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.notNullable(type), List.of(children));
    }

    static Field struct(String name, Field... children) {
        return field(name, ArrowType.Struct.INSTANCE, children);
    }

    static Field list(String name, Field item) {
        return field(name, new ArrowType.List(), item);
    }

    /** {@code Map<Utf8, value>} laid out as Arrow requires: a non-null entries struct of a non-null key and the value. */
    static Field map(String name, Field value) {
        return field(name, new ArrowType.Map(false), notNull("entries", ArrowType.Struct.INSTANCE, notNull("key", UTF8),
                value));
    }

    /** One raw column, a row per value, keyed {@code k0, k1, ...}; a null value is missing. */
    static RawBatch raw(String... values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
        }
        return raw(bytes);
    }

    static RawBatch raw(byte[]... values) {
        RawBatch raw = new RawBatch(1, values.length, false);
        for (int i = 0; i < values.length; i++) {
            int row = raw.startRow(("k" + i).getBytes(StandardCharsets.UTF_8));
            if (values[i] != null) {
                raw.copyValue(row, 0, values[i], 0, values[i].length);
            }
        }
        return raw;
    }

    /**
     * Checks a decoded vector the way Arrow's full validation does, recursing by hand through
     * lists, maps and structs (Arrow 19's validator rejects every MapVector as a mistyped list):
     * offsets never decrease and end exactly at the child's value count (no stale values of a
     * rolled-back row exposed), children are as long as their struct, and every leaf passes
     * {@link ValueVectorUtility#validateFull}.
     */
    static void validate(ValueVector vector) {
        if (vector instanceof ListVector list) {
            int count = list.getValueCount();
            int previous = count == 0 ? 0 : list.getOffsetBuffer().getInt(0);
            for (int i = 1; i <= count; i++) {
                int offset = list.getOffsetBuffer().getInt((long) i * ListVector.OFFSET_WIDTH);
                assertThat(offset).as("offset %s of %s", i, list.getName()).isGreaterThanOrEqualTo(previous);
                previous = offset;
            }
            assertThat(previous).as("last offset of %s", list.getName())
                    .isEqualTo(list.getDataVector().getValueCount());
            validate(list.getDataVector());
        } else if (vector instanceof StructVector struct) {
            for (FieldVector child : struct.getChildrenFromFields()) {
                assertThat(child.getValueCount()).as("length of %s", child.getName()).isEqualTo(struct.getValueCount());
                validate(child);
            }
        } else {
            ValueVectorUtility.validateFull(vector);
        }
    }

    /** @return every slot of the vector as plain Java: Strings, Lists, Maps (structs and map entries), numbers */
    static List<Object> values(FieldVector vector) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < vector.getValueCount(); i++) {
            out.add(plain(vector.getObject(i)));
        }
        return out;
    }

    static Object plain(Object value) {
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof byte[] bytes) {
            return "bytes:" + Arrays.toString(bytes);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                out.add(plain(element));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(plain(k), plain(v)));
            return out;
        }
        return value;
    }

    /** A map of alternating keys and values, in order (values may be null). */
    static Map<Object, Object> object(Object... keysAndValues) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** One Map entry as {@link #plain} shows it. */
    static Map<Object, Object> entry(String key, Object value) {
        return object("key", key, "value", value);
    }

    /** A list that may hold nulls. */
    static List<Object> listOf(Object... values) {
        return Arrays.asList(values);
    }
}
