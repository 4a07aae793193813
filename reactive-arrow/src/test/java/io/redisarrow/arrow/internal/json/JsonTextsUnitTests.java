package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.redisarrow.arrow.internal.json.JsonFixtures.FLOAT64;
import static io.redisarrow.arrow.internal.json.JsonFixtures.INT32;
import static io.redisarrow.arrow.internal.json.JsonFixtures.INT64;
import static io.redisarrow.arrow.internal.json.JsonFixtures.UTF8;
import static io.redisarrow.arrow.internal.json.JsonFixtures.entry;
import static io.redisarrow.arrow.internal.json.JsonFixtures.field;
import static io.redisarrow.arrow.internal.json.JsonFixtures.list;
import static io.redisarrow.arrow.internal.json.JsonFixtures.listOf;
import static io.redisarrow.arrow.internal.json.JsonFixtures.map;
import static io.redisarrow.arrow.internal.json.JsonFixtures.notNull;
import static io.redisarrow.arrow.internal.json.JsonFixtures.object;
import static io.redisarrow.arrow.internal.json.JsonFixtures.raw;
import static io.redisarrow.arrow.internal.json.JsonFixtures.struct;
import static io.redisarrow.arrow.internal.json.JsonFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON texts (hash fields, string values) into every supported type, through real vectors; an
 * allocator per test is asserted empty and closed, and every decoded vector passes Arrow's full
 * validation (offsets, validity, child lengths).
 */
class JsonTextsUnitTests extends AllocatorTestSupport {

    long nulled;

    List<Object> decode(Field field, String... texts) {
        return decode(field, ParseErrorPolicy.FAIL, raw(texts));
    }

    List<Object> decodeNulling(Field field, String... texts) {
        return decode(field, ParseErrorPolicy.NULL, raw(texts));
    }

    List<Object> decode(Field field, ParseErrorPolicy policy, RawBatch raw) {
        try (FieldVector vector = field.createVector(allocator)) {
            nulled = JsonTexts.decodeColumn(raw, 0, field, vector, policy);
            JsonFixtures.validate(vector);
            assertThat(vector.getValueCount()).isEqualTo(raw.rowCount());
            return values(vector);
        }
    }

    ValueConversionException failure(Field field, String... texts) {
        return failure(field, ParseErrorPolicy.FAIL, texts);
    }

    ValueConversionException failure(Field field, ParseErrorPolicy policy, String... texts) {
        try (FieldVector vector = field.createVector(allocator)) {
            RawBatch raw = raw(texts);
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> JsonTexts.decodeColumn(raw, 0, field, vector, policy));
            assertThat(thrown).isInstanceOf(ValueConversionException.class);
            return (ValueConversionException) thrown;
        }
    }

    @Test
    void scalarsOfEveryTypeParseTheirTextAsHashValuesDo() {
        assertThat(decode(field("s", UTF8), "\"héllo\"", "\"\"", "null")).containsExactly("héllo", "", null);
        assertThat(decode(field("i8", new ArrowType.Int(8, true)), "-128", "\"7\"")).containsExactly((byte) -128, (byte) 7);
        assertThat(decode(field("i16", new ArrowType.Int(16, true)), "32767")).containsExactly((short) 32767);
        assertThat(decode(field("i32", INT32), "42", "\"42\"", "-2147483648")).containsExactly(42, 42, Integer.MIN_VALUE);
        assertThat(decode(field("i64", INT64), "9223372036854775807", "-1")).containsExactly(Long.MAX_VALUE, -1L);
        assertThat(decode(field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), "0.1", "1e3"))
                .containsExactly(0.1f, 1000f);
        assertThat(decode(field("f64", FLOAT64), "1.5", "-2.5E-3", "7", "\"3.25\"")).containsExactly(1.5, -0.0025, 7.0, 3.25);
        assertThat(decode(field("b", ArrowType.Bool.INSTANCE), "true", "false", "\"yes\"", "1", "null"))
                .containsExactly(true, false, true, true, null);
        assertThat(decode(field("d", new ArrowType.Date(DateUnit.DAY)), "\"2024-01-02\"", "19724"))
                .containsExactly((int) LocalDate.of(2024, 1, 2).toEpochDay(), 19724);
        assertThat(decode(field("dm", new ArrowType.Date(DateUnit.MILLISECOND)), "\"2024-01-02\""))
                .containsExactly(LocalDateTime.of(2024, 1, 2, 0, 0));
        assertThat(decode(field("t", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)), "\"2024-01-02T03:04:05.678\"", "5"))
                .containsExactly(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 5_000_000));
        assertThat(decode(field("tz", new ArrowType.Timestamp(TimeUnit.SECOND, "UTC")), "\"2024-01-01T10:00:00+02:00\""))
                .containsExactly(1704096000L);
        assertThat(decode(field("bin", ArrowType.Binary.INSTANCE), "\"ab\"", "12", "[1, 2]"))
                .containsExactly("bytes:[97, 98]", "bytes:[49, 50]", "bytes:[91, 49, 44, 32, 50, 93]");
    }

    @Test
    void decimalsTakeTheNumbersTextExactlyNeverADouble() {
        assertThat(decode(field("d", new ArrowType.Decimal(10, 3, 128)), "12.345", "0.1", "-7", "\"1.5\"", "1e2"))
                .containsExactly(new BigDecimal("12.345"), new BigDecimal("0.100"), new BigDecimal("-7.000"),
                        new BigDecimal("1.500"), new BigDecimal("100.000"));
        assertThat(decode(field("d", new ArrowType.Decimal(38, 0, 128)), "123456789012345678901234567890"))
                .containsExactly(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void int32IsRangeCheckedAndFractionsAreNotIntegers() {
        ValueConversionException e = failure(field("n", INT32), "2147483648");
        assertThat(e).hasMessage("cannot convert value '2147483648' at $ of field 'n' in key 'k0' to Int32; fix the data, "
                + "change the schema, or use onParseError(ParseErrorPolicy.NULL)");
        assertThat(e.path()).isEqualTo("$");
        assertThat(failure(field("n", INT64), "1.5").value()).isEqualTo("1.5".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void numbersBeyondInt64AreAMismatchThatTheNullPolicyNulls() {
        String big = "123456789012345678901234567890";
        ValueConversionException e = failure(field("n", INT64), big);
        assertThat(e.getMessage()).startsWith("cannot convert value '" + big + "' at $ of field 'n' in key 'k0' to Int64");
        assertThat(decodeNulling(field("n", INT64), big, "5")).containsExactly(null, 5L);
        assertThat(nulled).isEqualTo(1);
    }

    @Test
    void utf8TakesAnyValueAndObjectsAndArraysByteExactAsReceived() {
        String object = "{ \"a\" : [1, 2.50, \"x\\u0041\\n\"],\n\t\"b\":{} }";
        assertThat(decode(field("s", UTF8), object, "[ ]", "12.50", "true", "\"\\\"q\\\"\"", "-0"))
                .containsExactly(object, "[ ]", "12.50", "true", "\"q\"", "-0");
        // inside a struct, sliced from the middle of the document
        assertThat(decode(struct("doc", field("raw", UTF8)), "{\"x\":1, \"raw\" :  {\"k\": [true , null]} , \"y\":2}"))
                .containsExactly(object("raw", "{\"k\": [true , null]}"));
    }

    @Test
    void unicodeAndEscapesAreUnescapedToUtf8() {
        assertThat(decode(field("s", UTF8), "\"\\uD83D\\uDE00 \\\" \\\\ \\n \\t é 世界 😀 \\u00e9\""))
                .containsExactly("😀 \" \\ \n \t é 世界 😀 é");
        assertThat(decode(struct("doc", field("naïve \"key\"", UTF8)), "{\"na\\u00efve \\\"key\\\"\": \"v\"}"))
                .containsExactly(object("naïve \"key\"", "v"));
        // a lone surrogate is not text: a mismatch for Utf8
        assertThat(decodeNulling(field("s", UTF8), "\"a\\uD83Db\"", "\"ok\"")).containsExactly(null, "ok");
        assertThat(nulled).isEqualTo(1);
    }

    @Test
    void structsReadMembersByNameSkipUnknownOnesAndKeepTheFirstOfRepeatedOnes() {
        Field field = struct("user", field("name", UTF8), field("age", INT64), struct("address", field("zip", UTF8)));
        assertThat(decode(field,
                "{\"name\":\"ann\",\"age\":30,\"address\":{\"zip\":\"0150\",\"city\":\"Oslo\"}}",
                "{\"extra\":{\"deep\":[1,{\"x\":[]}]},\"age\":31,\"age\":99,\"name\":null}",
                "{}",
                "null",
                "{\"address\":null,\"name\":\"bo\",\"name\":\"second\"}"))
                .containsExactly(
                        object("name", "ann", "age", 30L, "address", object("zip", "0150")),
                        object("age", 31L),
                        object(),
                        null,
                        object("name", "bo"));
    }

    @Test
    void aMissingNonNullableMemberOrANullIntoANonNullableFieldIsAnErrorWhateverThePolicy() {
        Field field = struct("user", notNull("id", INT64), field("name", UTF8));
        ValueConversionException missing = failure(field, ParseErrorPolicy.NULL, "{\"name\":\"x\"}");
        assertThat(missing.path()).isEqualTo("$.id");
        assertThat(missing.getMessage()).contains("at $.id of field 'user' in key 'k0' to Int64 (the member is missing but "
                + "the field is declared not nullable)");
        ValueConversionException nulled = failure(field, ParseErrorPolicy.NULL, "{\"id\":null}");
        assertThat(nulled.getMessage()).contains("cannot convert value 'null' at $.id of field 'user' in key 'k0' to Int64 "
                + "(the value is null but the field is declared not nullable)");
        ValueConversionException top = failure(notNull("n", INT64), ParseErrorPolicy.NULL, "null");
        assertThat(top.path()).isEqualTo("$");
    }

    @Test
    void listsNestedListsAndListsOfStructs() {
        assertThat(decode(list("l", field("item", INT64)), "[1,2,3]", "[]", "null", "[null, 4]"))
                .containsExactly(List.of(1L, 2L, 3L), List.of(), null, listOf(null, 4L));
        assertThat(decode(list("ll", list("item", field("item", INT32))), "[[1,2],[],null,[3]]", "[]", "[[4]]"))
                .containsExactly(listOf(List.of(1, 2), List.of(), null, List.of(3)), List.of(), List.of(List.of(4)));
        assertThat(decode(list("ls", struct("item", field("a", INT64), field("b", UTF8))),
                "[{\"a\":1,\"b\":\"x\"},{\"b\":\"y\"},null,{}]", "[{\"a\":2}]"))
                .containsExactly(listOf(object("a", 1L, "b", "x"), object("b", "y"), null, object()), List.of(object("a", 2L)));
    }

    @Test
    void mapsHaveOneEntryPerMemberInOrder() {
        assertThat(decode(map("m", field("value", INT64)), "{\"a\":1,\"b\":null,\"a\":3}", "{}", "null"))
                .containsExactly(List.of(entry("a", 1L), object("key", "b"), entry("a", 3L)), List.of(), null);
        assertThat(decode(map("m", struct("value", field("x", FLOAT64))), "{\"p\":{\"x\":1.5},\"q\":{}}"))
                .containsExactly(List.of(entry("p", object("x", 1.5)), entry("q", object())));
        assertThat(decodeNulling(map("m", field("value", INT64)), "{\"a\\uDE00\":1, \"b\":[2]}", "{\"ok\":1}"))
                .containsExactly(null, List.of(entry("ok", 1L)));
        assertThat(nulled).isEqualTo(1);
    }

    @Test
    void everyMismatchNamesKeyPathValueAndType() {
        Field field = struct("order", list("items", struct("item", field("price", INT64))), struct("address", field("zip", INT32)));
        String text = "{\"items\":[{\"price\":1},{\"price\":2},{\"price\":3},{\"price\":\"abc\"}]}";
        ValueConversionException e = failure(field, text);
        assertThat(e).hasMessage("cannot convert value '\"abc\"' at $.items[3].price of field 'order' in key 'k0' to Int64; "
                + "fix the data, change the schema, or use onParseError(ParseErrorPolicy.NULL)");
        assertThat(e.path()).isEqualTo("$.items[3].price");
        assertThat(e.field()).isEqualTo("order");
        assertThat(e.keyAsString()).isEqualTo("k0");
        assertThat(e.arrowType()).isEqualTo("Int64");

        assertThat(failure(field, "{\"address\":[1, {\"zip\": 2}]}").getMessage())
                .contains("value '[1, {\"zip\": 2}]' at $.address of field 'order' in key 'k0' to Struct<zip: Int32> "
                        + "(a Struct reads a JSON object)");
        assertThat(failure(field, "{\"items\":{\"a\":1}}").getMessage())
                .contains("value '{\"a\":1}' at $.items of field 'order' in key 'k0' to List<Struct<price: Int64>> "
                        + "(a List reads a JSON array)");
        assertThat(failure(field, "{\"address\":{\"zip\":{\"n\":1}}}").getMessage())
                .contains("value '{\"n\":1}' at $.address.zip of field 'order' in key 'k0' to Int32 (a JSON object is not a scalar)");
        assertThat(failure(field, "{\"address\":{\"zip\":[1]}}").getMessage()).contains("(a JSON array is not a scalar)");
        assertThat(failure(field, "[]").getMessage()).contains("value '[]' at $ of field 'order'");
        assertThat(failure(map("m", field("value", INT64)), "{\"a b\":1,\"it's\":true}").getMessage())
                .contains("value 'true' at $['it\\'s'] of field 'm' in key 'k0' to Int64");
    }

    @Test
    void theNullPolicyNullsTheInnermostNullableSlotAndCountsIt() {
        Field field = struct("o", list("items", field("item", INT64)), field("n", INT32));
        assertThat(decodeNulling(field, "{\"items\":[1,\"x\",3],\"n\":\"y\"}", "{\"items\":7,\"n\":1}"))
                .containsExactly(object("items", listOf(1L, null, 3L)), object("n", 1));
        assertThat(nulled).isEqualTo(3);
        // a non-nullable innermost slot cannot be nulled
        Field strict = list("l", notNull("item", INT64));
        assertThat(failure(strict, ParseErrorPolicy.NULL, "[1,\"x\"]").getMessage())
                .contains("at $[1] of field 'l' in key 'k0' to Int64 (the field is declared not nullable, so it cannot be nulled)");
    }

    @Test
    void emptyArraysAndObjectsAndNullMembers() {
        Field field = struct("o", list("l", field("item", INT64)), struct("s", field("a", INT64)), map("m", field("value", UTF8)));
        assertThat(decode(field, "{\"l\":[],\"s\":{},\"m\":{}}", "{\"l\":null,\"s\":null,\"m\":null}"))
                .containsExactly(object("l", List.of(), "s", object(), "m", List.of()), object());
    }

    @Test
    void malformedJsonFailsSayingSoOrNullsTheRowUnderTheNullPolicy() {
        Field field = struct("o", field("a", INT64));
        ValueConversionException e = failure(field, "{\"a\":}");
        assertThat(e.getMessage()).contains("cannot convert value '{\"a\":}' at $ of field 'o' in key 'k0' to Struct<a: Int64> "
                + "(not valid JSON: Unexpected character ('}' (code 125)): expected a value at byte 5)");
        assertThat(failure(field, "{\"a\":1} x").getMessage()).contains("(not valid JSON: Unrecognized token 'x'");
        assertThat(failure(field, "{\"a\":1} {}").getMessage()).contains("(not valid JSON: more data after the value at byte 8)");
        assertThat(failure(field, "").getMessage()).contains("(not valid JSON: no value)");
        assertThat(failure(field, "{\"a\":1").getMessage()).contains("not valid JSON: Unexpected end-of-input");
        assertThat(decodeNulling(field, "{\"a\":}", "{\"a\":1} x", "", "{\"a\":2}", "[1,")).containsExactly(null, null, null,
                object("a", 2L), null);
        assertThat(nulled).isEqualTo(4);
        assertThat(failure(notNull("o", ArrowType.Struct.INSTANCE, field("a", INT64)), ParseErrorPolicy.NULL, "{").getMessage())
                .contains("not valid JSON").contains("the field is declared not nullable, so it cannot be nulled");
    }

    @Test
    void aRowCutShortMidListOrStructIsRolledBackLeavingEveryVectorConsistent() {
        String longText = "x".repeat(300);
        Field lists = list("l", list("item", field("item", UTF8)));
        assertThat(decodeNulling(lists,
                "[[\"" + longText + "\",\"" + longText + "\"],[\"" + longText + "\"],[",
                "[[\"a\"],null]",
                "[null,[\"bb\",null]]",
                "[[\"" + longText + "\"],[\"c\"",
                "[]"))
                .containsExactly(null, listOf(List.of("a"), null), listOf(null, listOf("bb", null)), null, List.of());
        Field struct = struct("s", list("l", field("item", UTF8)), map("m", field("value", UTF8)), field("n", INT64));
        assertThat(decodeNulling(struct,
                "{\"l\":[\"" + longText + "\"],\"m\":{\"k\":\"" + longText + "\"},\"n\":",
                "{\"l\":[\"a\"],\"n\":1}",
                "{\"m\":{\"k\":\"v\"},\"l\":[\"" + longText + "\", \"b\"], \"n\": }"))
                .containsExactly(null, object("l", List.of("a"), "n", 1L), null);
    }

    @Test
    void missingRawValuesAreNullOrAnErrorWhenNotNullable() {
        assertThat(decode(field("s", INT64), "1", null, "2")).containsExactly(1L, null, 2L);
        RawBatch raw = raw(new String[] { null });
        try (FieldVector vector = notNull("s", INT64).createVector(allocator)) {
            assertThatThrownBy(() -> JsonTexts.decodeColumn(raw, 0, notNull("s", INT64), vector, ParseErrorPolicy.NULL))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessageContaining("the field is missing but declared not nullable");
        }
    }

    @Test
    void nestingPastMaxDepthIsAClearErrorInAUtf8AndAStructColumn() {
        String deepest = "[".repeat(JsonTypes.MAX_DEPTH) + "]".repeat(JsonTypes.MAX_DEPTH);
        String tooDeep = "[".repeat(JsonTypes.MAX_DEPTH + 1) + "]".repeat(JsonTypes.MAX_DEPTH + 1);
        assertThat(decode(field("s", UTF8), deepest)).containsExactly(deepest);
        assertThat(failure(field("s", UTF8), tooDeep).getMessage())
                .contains("(nested deeper than 1000 levels, the most JSON values may nest)");
        String veryDeep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        Field struct = struct("o", field("a", UTF8));
        assertThat(failure(struct, veryDeep).getMessage()).contains("at $.a of field 'o'")
                .contains("(nested deeper than 1000 levels");
        assertThat(decodeNulling(struct, tooDeep, "{\"a\":" + deepest.substring(2, deepest.length() - 2) + "}"))
                .hasSize(2).startsWith((Object) null);
        assertThat(nulled).isEqualTo(1);
    }

    @Test
    void tenMegabyteStringsAndDocumentsDecode() {
        String tenMb = "é".repeat(5 * 1024 * 1024 / 2) + "x".repeat(5 * 1024 * 1024);
        assertThat(tenMb.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(10 * 1024 * 1024 - 1);
        assertThat(decode(field("s", UTF8), "\"" + tenMb + "\"")).containsExactly(tenMb);

        StringBuilder document = new StringBuilder("{\"items\":[");
        int items = 0;
        while (document.length() < 10 * 1024 * 1024) {
            document.append(items == 0 ? "" : ",").append("{\"id\":").append(items).append(",\"name\":\"item number ")
                    .append(items).append("\",\"skip\":[1,2,3]}");
            items++;
        }
        document.append("]}");
        Field field = struct("doc", list("items", struct("item", field("id", INT64), field("name", UTF8))));
        @SuppressWarnings("unchecked")
        List<Object> decoded = (List<Object>) ((java.util.Map<Object, Object>) decode(field, document.toString()).get(0)).get("items");
        assertThat(decoded).hasSize(items);
        assertThat(decoded.get(items - 1)).isEqualTo(object("id", (long) items - 1, "name", "item number " + (items - 1)));
        assertThat(decode(field("s", UTF8), document.toString())).containsExactly(document.toString());
    }
}
