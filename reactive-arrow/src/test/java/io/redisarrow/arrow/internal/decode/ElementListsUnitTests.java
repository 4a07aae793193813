package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ElementLists} and the grouping of {@link RawBatchDecoder} on raw batches built in memory:
 * one Arrow row per run of rows of one key (a key coming back later is a new run), the row index,
 * key and TTL of each run's first raw row, items through the scalar consumers, and nothing left in
 * the allocator when a value fails.
 */
class ElementListsUnitTests {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A raw batch of one value column per row: {@code key=value} pairs, each key's TTL its value's length. */
    static RawBatch raw(int columns, String... rows) {
        RawBatch raw = new RawBatch(columns, rows.length, true);
        for (String spec : rows) {
            String[] parts = spec.split("=", -1);
            int row = raw.startRow(bytes(parts[0]));
            raw.setTtl(row, parts[0].length() * 10L);
            for (int c = 0; c < columns; c++) {
                byte[] value = bytes(parts[1 + c]);
                raw.copyValue(row, c, value, 0, value.length);
            }
        }
        return raw;
    }

    static Field list(String name, Field item) {
        return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE), List.of(item));
    }

    static Field nullable(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static RawBatchDecoder decoder(Field data, ParseErrorPolicy policy) {
        return new RawBatchDecoder(new BatchLayout("_row", "_key", false, "_ttl", List.of(data), policy), new ElementLists());
    }

    static List<Object> column(VectorSchemaRoot root, String name) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < root.getRowCount(); i++) {
            Object value = root.getVector(name).getObject(i);
            values.add(value == null ? null : value.toString());
        }
        return values;
    }

    @Test
    void makesOneRowPerRunOfOneKeyWithTheMetaColumnsOfItsFirstRow() {
        RawBatch raw = raw(1, "a=1", "a=2", "bb=3", "a=4", "a=5", "a=6");
        raw.firstRowIndex(7);
        Decoded decoded = decoder(list("n", nullable("item", INT64)), ParseErrorPolicy.FAIL).decode(raw, allocator);
        try (VectorSchemaRoot root = decoded.root()) {
            assertThat(root.getRowCount()).isEqualTo(3);
            assertThat(column(root, "_row")).containsExactly("7", "8", "9");
            assertThat(column(root, "_key")).containsExactly("a", "bb", "a");
            assertThat(column(root, "_ttl")).containsExactly("10", "20", "10");
            assertThat(column(root, "n")).containsExactly("[1,2]", "[3]", "[4,5,6]");
            assertThat(decoded.nulledValues()).isZero();
        }
    }

    @Test
    void fillsStructItemsOneRawColumnPerChild() {
        RawBatch raw = raw(2, "z=m1=1.5", "z=m2=inf", "y=m3=-inf");
        Field item = new Field("item", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(nullable("m", ArrowType.Utf8.INSTANCE), nullable("s", FLOAT64)));
        Decoded decoded = decoder(list("m", item), ParseErrorPolicy.FAIL).decode(raw, allocator);
        try (VectorSchemaRoot root = decoded.root()) {
            assertThat(root.getRowCount()).isEqualTo(2);
            List<?> first = (List<?>) root.getVector("m").getObject(0);
            assertThat(first).hasSize(2);
            assertThat(((Map<?, ?>) first.get(0)).get("m").toString()).isEqualTo("m1");
            assertThat(((Map<?, ?>) first.get(0)).get("s")).isEqualTo(1.5);
            assertThat(((Map<?, ?>) first.get(1)).get("s")).isEqualTo(Double.POSITIVE_INFINITY);
            List<?> second = (List<?>) root.getVector("m").getObject(1);
            assertThat(((Map<?, ?>) second.get(0)).get("s")).isEqualTo(Double.NEGATIVE_INFINITY);
        }
    }

    @Test
    void underTheNullPolicyABadItemIsANullItem() {
        RawBatch raw = raw(1, "a=1", "a=x", "a=3");
        Decoded decoded = decoder(list("n", nullable("item", INT64)), ParseErrorPolicy.NULL).decode(raw, allocator);
        try (VectorSchemaRoot root = decoded.root()) {
            assertThat(column(root, "n")).containsExactly("[1,null,3]");
            assertThat(decoded.nulledValues()).isEqualTo(1);
        }
    }

    @Test
    void aBadItemFailsNamingTheColumnKeyAndValueAndLeavesNothingAllocated() {
        RawBatch raw = raw(1, "a=1", "key-b=oops");
        assertThatThrownBy(() -> decoder(list("n", nullable("item", INT64)), ParseErrorPolicy.FAIL).decode(raw, allocator))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("'n'").hasMessageContaining("key-b")
                .hasMessageContaining("oops");
        // a not-nullable item cannot be nulled either
        Field strict = new Field("item", FieldType.notNullable(INT64), null);
        assertThatThrownBy(() -> decoder(list("n", strict), ParseErrorPolicy.NULL).decode(raw, allocator))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("not nullable");
        Field item = new Field("item", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(nullable("m", ArrowType.Utf8.INSTANCE), nullable("s", FLOAT64)));
        RawBatch scored = raw(2, "z=m1=1", "z=m2=NaNx");
        assertThatThrownBy(() -> decoder(list("m", item), ParseErrorPolicy.FAIL).decode(scored, allocator))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("'s'").hasMessageContaining("NaNx");
        // the fixture checks the allocator is empty
    }

    @Test
    void keyRunsPerRowAreTheRawRows() {
        KeyRuns runs = KeyRuns.perRow(3);
        assertThat(runs.count()).isEqualTo(3);
        assertThat(runs.start(2)).isEqualTo(2);
        assertThat(runs.end(2)).isEqualTo(3);
        KeyRuns grouped = KeyRuns.of(raw(1, "a=1", "ab=2", "ab=3", "a=4"));
        assertThat(grouped.count()).isEqualTo(3);
        assertThat(List.of(grouped.start(0), grouped.end(0), grouped.start(1), grouped.end(1), grouped.start(2),
                grouped.end(2))).containsExactly(0, 1, 1, 3, 3, 4);
    }
}
