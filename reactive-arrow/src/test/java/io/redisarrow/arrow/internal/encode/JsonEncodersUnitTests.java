package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.redisarrow.arrow.internal.json.JsonTexts;
import io.redisarrow.core.RawBatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.redisarrow.arrow.internal.ThreadAllocations.allocatedWhile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact JSON texts of the encoder: each vector is filled by the JSON decoder from an input
 * text, then encoded; the output is what the rules say (numbers, the strings of NaN, infinities,
 * wide Decimals, dates and timestamps, escapes, null members left out, nulls in lists and maps).
 */
class JsonEncodersUnitTests extends AllocatorTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    static Field field(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.nullable(type), List.of(children));
    }

    static Field list(String name, Field item) {
        return field(name, new ArrowType.List(), item);
    }

    static Field map(String name, Field value) {
        return field(name, new ArrowType.Map(false), new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(new Field("key", FieldType.notNullable(UTF8), null), value)));
    }


    static String text(ValueEncoder encoder, int row) {
        Text text = encoder.text(row);
        return new String(text.bytes(), text.offset(), text.length(), StandardCharsets.UTF_8);
    }

    /** The texts the encoder makes for each row of {@code field} decoded from {@code texts}; null for null cells. */
    List<String> encode(Field field, String... texts) {
        try (FieldVector vector = JsonColumns.decoded(allocator, field, texts)) {
            ValueEncoder encoder = JsonEncoders.create(vector);
            List<String> out = new ArrayList<>();
            for (int row = 0; row < texts.length; row++) {
                out.add(encoder.isNull(row) ? null : text(encoder, row));
            }
            return out;
        }
    }

    @Test
    void structMembersInChildOrderWithNullChildrenLeftOut() {
        Field person = field("p", ArrowType.Struct.INSTANCE, field("name", UTF8), field("age", INT64),
                field("tags", ArrowType.Struct.INSTANCE, field("x", INT64)));
        assertThat(encode(person, "{\"age\":3,\"name\":\"ann\"}", "{\"name\":null}", "{}", null, "{\"tags\":{}}"))
                .containsExactly("{\"name\":\"ann\",\"age\":3}", "{}", "{}", null, "{\"tags\":{}}");
    }

    @Test
    void listsKeepNullElements() {
        assertThat(encode(list("l", field("item", INT64)), "[1,null,-3]", "[]", null))
                .containsExactly("[1,null,-3]", "[]", null);
    }

    @Test
    void mapsAreObjectsWithNullValues() {
        assertThat(encode(map("m", field("value", INT64)), "{\"k\":null,\"é😀\":2,\"a\\\"b\\\\c\":3}", "{}"))
                .containsExactly("{\"k\":null,\"é😀\":2,\"a\\\"b\\\\c\":3}", "{}");
    }

    @Test
    void floatsAreNumbersButNanAndInfinitiesStrings() {
        assertThat(encode(list("l", field("item", FLOAT64)), "[1e23, 0.1, -0.0, \"nan\", \"inf\", \"-inf\", 4.9e-324]"))
                .containsExactly("[1.0E23,0.1,-0.0,\"nan\",\"inf\",\"-inf\",4.9E-324]");
        Field single = list("l", field("item", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
        assertThat(encode(single, "[0.1, \"-inf\"]")).containsExactly("[0.1,\"-inf\"]");
    }

    @Test
    void decimalsUpToFifteenDigitsAreNumbersWiderOnesStrings() {
        assertThat(encode(list("l", field("item", new ArrowType.Decimal(15, 2, 128))), "[1234567890123.45, -0.1]"))
                .containsExactly("[1234567890123.45,-0.10]");
        assertThat(encode(list("l", field("item", new ArrowType.Decimal(16, 2, 128))), "[12345678901234.56, 1]"))
                .containsExactly("[\"12345678901234.56\",\"1.00\"]");
    }

    @Test
    void datesTimestampsAndBooleans() {
        Field struct = field("s", ArrowType.Struct.INSTANCE, field("d", new ArrowType.Date(DateUnit.DAY)),
                field("t", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
                field("z", new ArrowType.Timestamp(TimeUnit.SECOND, "Europe/Paris")), field("b", ArrowType.Bool.INSTANCE),
                field("far", new ArrowType.Date(DateUnit.DAY)));
        assertThat(encode(struct, "{\"d\":\"2024-01-02\",\"t\":\"2024-01-01T10:00:00.12Z\",\"z\":\"2024-07-01T10:00:00Z\","
                + "\"b\":false,\"far\":-1000000}"))
                .containsExactly("{\"d\":\"2024-01-02\",\"t\":\"2024-01-01T10:00:00.120Z\",\"z\":\"2024-07-01T12:00:00+02:00\","
                        + "\"b\":false,\"far\":\"-1000000\"}");
    }

    @Test
    void stringsAreEscapedFromTheirBytesSlashesAndUnicodeLeftAsTheyAre() {
        assertThat(encode(list("l", field("item", UTF8)), "[\"a/b\\n\\t\\u0001\\\"\\\\ é 😀\"]"))
                .containsExactly("[\"a/b\\n\\t\\u0001\\\"\\\\ é 😀\"]");
    }

    @Test
    void scalarColumnsAreJsonValuesToo() {
        assertThat(encode(field("n", INT64), "-9223372036854775808", null)).containsExactly("-9223372036854775808", null);
        assertThat(encode(field("s", UTF8), "\"q\\\"\"")).containsExactly("\"q\\\"\"");
        assertThat(encode(field("f", FLOAT64), "\"nan\"")).containsExactly("\"nan\"");
    }

    @Test
    void rowsAreObjectsOfTheirNonNullCellsUnderTheNamesGiven() {
        try (FieldVector names = JsonColumns.decoded(allocator, field("name", UTF8), "\"ann\"", null, null);
             FieldVector tags = JsonColumns.decoded(allocator, list("tags", field("item", INT64)), "[1]", "[]", null)) {
            JsonObjectEncoder objects = JsonEncoders.objects(List.of(names, tags), List.of("who \"1\"", "tags"));
            List<String> out = new ArrayList<>();
            for (int row = 0; row < 3; row++) {
                Text text = objects.text(row);
                out.add(new String(text.bytes(), text.offset(), text.length(), StandardCharsets.UTF_8));
            }
            assertThat(out).containsExactly("{\"who \\\"1\\\"\":\"ann\",\"tags\":[1]}", "{\"tags\":[]}", "{}");
        }
    }

    @Test
    void writeBulkFramesTheText() {
        try (FieldVector vector = JsonColumns.decoded(allocator, list("l", field("item", UTF8)), "[\"é\"]")) {
            ByteBuf out = Unpooled.buffer();
            try {
                JsonEncoders.create(vector).writeBulk(0, out);
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("$6\r\n[\"é\"]\r\n");
            } finally {
                out.release();
            }
        }
    }

    @Test
    void nullCellHasNoText() {
        try (FieldVector vector = JsonColumns.decoded(allocator, list("l", field("item", UTF8)), (String) null)) {
            assertThatThrownBy(() -> JsonEncoders.create(vector).text(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("row 0 of column 'l' is null");
        }
    }

    @Test
    void quotedEscapesAsJsonStrings() {
        assertThat(new String(JsonEncoders.quoted("a\"b\\c\n\u0001é/"), StandardCharsets.UTF_8))
                .isEqualTo("\"a\\\"b\\\\c\\n\\u0001é/\"");
    }

    @Test
    void binaryIsRefusedNamingItsPath() {
        assertThatThrownBy(() -> JsonEncoders.checkSupported(field("blob", ArrowType.Binary.INSTANCE)))
                .isInstanceOf(UnsupportedArrowTypeException.class).hasMessageContaining("field 'blob'")
                .hasMessageContaining("JSON has no bytes");
        Field nested = field("doc", ArrowType.Struct.INSTANCE, field("ok", INT64),
                list("parts", map("attrs", field("value", ArrowType.Binary.INSTANCE))));
        assertThatThrownBy(() -> JsonEncoders.checkSupported(nested)).isInstanceOf(UnsupportedArrowTypeException.class)
                .hasMessageContaining("field 'doc.parts.attrs.entries.value'").hasMessageContaining("Binary");
        Field intKeys = field("m", new ArrowType.Map(false), new Field("entries",
                FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(new Field("key", FieldType.notNullable(INT64), null),
                        field("value", INT64))));
        assertThatThrownBy(() -> JsonEncoders.checkSupported(intKeys)).isInstanceOf(UnsupportedArrowTypeException.class)
                .hasMessageContaining("field 'm'");
        JsonEncoders.checkSupported(nested.getChildren().get(0));
    }

    @Test
    void integersDecimalsAndDatesInNestedCellsMakeNoObjectPerCell() {
        Field struct = field("s", ArrowType.Struct.INSTANCE, list("n", field("item", INT64)),
                field("d", new ArrowType.Decimal(12, 2, 128)), field("w", new ArrowType.Decimal(30, 2, 128)),
                field("day", new ArrowType.Date(DateUnit.DAY)), field("b", ArrowType.Bool.INSTANCE),
                field("t", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));
        String[] rows = new String[500];
        java.util.Arrays.fill(rows, "{\"n\":[1,-22,333],\"d\":-12345.6,\"w\":1234567890123456789.01,\"day\":\"2024-02-29\","
                + "\"b\":true,\"t\":\"2024-01-01T10:00:00.123456Z\"}");
        try (FieldVector vector = JsonColumns.decoded(allocator, struct, rows)) {
            ValueEncoder encoder = JsonEncoders.create(vector);
            ByteBuf out = Unpooled.buffer(rows.length * 256);
            try {
                Runnable writeAll = () -> {
                    out.clear();
                    for (int row = 0; row < rows.length; row++) {
                        encoder.writeBulk(row, out);
                    }
                };
                long fewest = Long.MAX_VALUE;
                for (int round = 0; round < 5; round++) {
                    fewest = Math.min(fewest, allocatedWhile(writeAll));
                }
                assertThat(out.readableBytes()).isGreaterThan(rows.length * 100);
                assertThat(fewest).as("bytes allocated encoding %d rows", rows.length).isZero();
            } finally {
                out.release();
            }
        }
    }
}
