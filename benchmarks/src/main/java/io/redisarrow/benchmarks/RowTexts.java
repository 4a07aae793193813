package io.redisarrow.benchmarks;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Jedis and Lettuce write baselines turn an Arrow batch into what their clients take, the
 * way a user without redis-arrow would: per row, each non-null cell read with its vector's
 * {@code get} and turned into a Java value, {@code new String(bytes, UTF_8)} for Utf8,
 * {@code Integer}/{@code Long}/{@code Double.toString} for numbers, {@code "true"}/{@code "false"}
 * for Bool, {@code LocalDate.ofEpochDay(..).toString()} for Date(DAY) and
 * {@code Instant.ofEpochMilli(..).toString()} for Timestamp(ms); a hash row is a
 * {@code HashMap<String, String>}, a document is a {@code LinkedHashMap<String, Object>} of those
 * values (numbers and booleans as such, dates as strings) serialised by Jackson's
 * {@code ObjectMapper.writeValueAsString}.
 */
final class RowTexts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VarCharVector keys;

    private final List<FieldVector> values;

    /**
     * @param root a batch of {@link WriteData#SCHEMA}: the key column first, then the values
     */
    RowTexts(VectorSchemaRoot root) {
        this.keys = (VarCharVector) root.getVector(0);
        List<FieldVector> vectors = root.getFieldVectors();
        this.values = vectors.subList(1, vectors.size());
    }

    /** @return the key of row {@code row} */
    String key(int row) {
        return new String(keys.get(row), StandardCharsets.UTF_8);
    }

    /** @return the row's non-null cells as field name to text */
    Map<String, String> hash(int row) {
        Map<String, String> hash = new HashMap<>(2 * values.size());
        for (FieldVector vector : values) {
            if (!vector.isNull(row)) {
                hash.put(vector.getName(), value(vector, row).toString());
            }
        }
        return hash;
    }

    /** @return the row's non-null cells as a compact JSON object, in column order */
    String json(int row) {
        Map<String, Object> document = new LinkedHashMap<>(2 * values.size());
        for (FieldVector vector : values) {
            if (!vector.isNull(row)) {
                document.put(vector.getName(), value(vector, row));
            }
        }
        return MAPPER.writeValueAsString(document);
    }

    /**
     * @return the cell as a Java value: String, Integer, Long, Double or Boolean; dates and
     *         timestamps as their ISO strings
     * @throws IllegalArgumentException for a vector type the write data does not have
     */
    static Object value(FieldVector vector, int row) {
        if (vector instanceof VarCharVector v) {
            return new String(v.get(row), StandardCharsets.UTF_8);
        }
        if (vector instanceof IntVector v) {
            return v.get(row);
        }
        if (vector instanceof BigIntVector v) {
            return v.get(row);
        }
        if (vector instanceof Float8Vector v) {
            return v.get(row);
        }
        if (vector instanceof BitVector v) {
            return v.get(row) == 1;
        }
        if (vector instanceof DateDayVector v) {
            return LocalDate.ofEpochDay(v.get(row)).toString();
        }
        if (vector instanceof TimeStampMilliTZVector v) {
            return Instant.ofEpochMilli(v.get(row)).toString();
        }
        throw new IllegalArgumentException("vector " + vector.getName() + " of " + vector.getClass().getSimpleName()
                + " has no conversion");
    }
}
