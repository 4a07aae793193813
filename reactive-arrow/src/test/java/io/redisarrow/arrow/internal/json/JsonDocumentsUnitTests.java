package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Replies to JSON.GET (the three shapes valkey-json sends, recorded from a real server) into
 * columns; an allocator per test is asserted empty and closed, and every decoded vector is
 * validated.
 */
class JsonDocumentsUnitTests extends AllocatorTestSupport {

    long nulled;

    /** @return the rows, each the list of its column values */
    List<List<Object>> decode(JsonDocuments documents, List<Field> fields, ParseErrorPolicy policy, RawBatch raw, int column) {
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (Field field : fields) {
                vectors.add(field.createVector(allocator));
            }
            nulled = documents.decode(raw, column, vectors, policy);
            List<List<Object>> columns = new ArrayList<>();
            for (FieldVector vector : vectors) {
                JsonFixtures.validate(vector);
                assertThat(vector.getValueCount()).isEqualTo(raw.rowCount());
                columns.add(values(vector));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int row = 0; row < raw.rowCount(); row++) {
                List<Object> values = new ArrayList<>();
                for (List<Object> values1 : columns) {
                    values.add(values1.get(row));
                }
                rows.add(values);
            }
            return rows;
        } finally {
            vectors.forEach(FieldVector::close);
        }
    }

    List<List<Object>> members(List<Field> fields, ParseErrorPolicy policy, String... replies) {
        return decode(JsonDocuments.members(fields), fields, policy, raw(replies), 0);
    }

    List<List<Object>> paths(List<Field> fields, List<String> paths, ParseErrorPolicy policy, String... replies) {
        return decode(JsonDocuments.paths(fields, paths), fields, policy, raw(replies), 0);
    }

    ValueConversionException failure(JsonDocuments documents, List<Field> fields, ParseErrorPolicy policy, String... replies) {
        Throwable thrown = catchThrowable(() -> decode(documents, fields, policy, raw(replies), 0));
        assertThat(thrown).isInstanceOf(ValueConversionException.class);
        return (ValueConversionException) thrown;
    }

    @Test
    void membersReadTheTopLevelMemberOfEachFieldsName() {
        List<Field> fields = List.of(field("name", UTF8), field("age", INT64), struct("address", field("zip", UTF8)),
                list("tags", field("item", UTF8)), map("attributes", field("value", INT32)), field("città", UTF8));
        assertThat(members(fields, ParseErrorPolicy.FAIL,
                "[{\"name\":\"ann\",\"age\":30,\"address\":{\"zip\":\"0150\",\"city\":\"Oslo\"},\"tags\":[\"a\",\"b\"],"
                        + "\"other\":{\"x\":[1,{\"y\":2}]},\"attributes\":{\"h\":1},\"citt\\u00e0\":\"Roma\"}]",
                "[{\"age\":\"31\",\"name\":null,\"name\":\"second\",\"tags\":[]}]",
                "[{}]"))
                .containsExactly(
                        listOf("ann", 30L, object("zip", "0150"), List.of("a", "b"), List.of(entry("h", 1)), "Roma"),
                        listOf(null, 31L, null, List.of(), null, null),
                        listOf(null, null, null, null, null, null));
    }

    @Test
    void aDocumentThatIsNotAnObjectOrIsMissingMakesEveryColumnNull() {
        List<Field> fields = List.of(field("a", INT64), list("b", field("item", INT64)));
        assertThat(members(fields, ParseErrorPolicy.FAIL, "[[1,2]]", "[5]", "[\"s\"]", "[null]", "[]", null, "[{\"a\":1}]"))
                .containsExactly(listOf(null, null), listOf(null, null), listOf(null, null), listOf(null, null),
                        listOf(null, null), listOf(null, null), listOf(1L, null));
        assertThat(nulled).isZero();
        List<Field> strict = List.of(notNull("a", INT64));
        assertThat(failure(JsonDocuments.members(strict), strict, ParseErrorPolicy.NULL, "[[1, 2]]").getMessage())
                .contains("cannot convert value '[1, 2]' at $.a of field 'a' in key 'k0' to Int64 (the document is not a "
                        + "JSON object but the field is declared not nullable)");
        assertThat(failure(JsonDocuments.members(strict), strict, ParseErrorPolicy.NULL, "[{\"b\":1}]").getMessage())
                .contains("at $.a of field 'a' in key 'k0' to Int64 (the member is missing but the field is declared not nullable)");
    }

    @Test
    void memberMismatchesNameTheMembersPathInsideTheDocument() {
        List<Field> fields = List.of(struct("address", field("zip", INT32)), field("first name", INT64),
                list("items", struct("item", field("price", INT64))));
        JsonDocuments documents = JsonDocuments.members(fields);
        ValueConversionException e = failure(documents, fields, ParseErrorPolicy.FAIL, "[{\"address\":{\"zip\":5.5}}]");
        assertThat(e).hasMessage("cannot convert value '5.5' at $.address.zip of field 'address' in key 'k0' to Int32; "
                + "fix the data, change the schema, or use onParseError(ParseErrorPolicy.NULL)");
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL, "[{\"first name\":\"x\"}]").path())
                .isEqualTo("$['first name']");
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL,
                "[{\"items\":[{\"price\":1},{\"price\":2},{\"price\":3},{\"price\":true}]}]").path())
                .isEqualTo("$.items[3].price");
        assertThat(members(fields, ParseErrorPolicy.NULL, "[{\"address\":{\"zip\":5.5},\"first name\":[1],\"items\":[{\"price\":\"p\"}]}]"))
                .containsExactly(listOf(object(), null, List.of(object())));
        assertThat(nulled).isEqualTo(3);
    }

    @Test
    void oneDefinitePathReadsItsOnlyMatchOrNull() {
        List<Field> fields = List.of(field("city", UTF8));
        assertThat(paths(fields, List.of("$.address.city"), ParseErrorPolicy.FAIL, "[\"Oslo\"]", "[]", "[null]", "[{\"a\": 1}]"))
                .containsExactly(listOf("Oslo"), listOf((Object) null), listOf((Object) null), listOf("{\"a\": 1}"));
        List<Field> strict = List.of(notNull("city", UTF8));
        assertThat(failure(JsonDocuments.paths(strict, List.of("$.city")), strict, ParseErrorPolicy.NULL, "[]").getMessage())
                .contains("at $.city of field 'city' in key 'k0' to Utf8 (the path matches no value but the field is declared "
                        + "not nullable)");
    }

    @Test
    void aDefinitePathIntoAListMustMatchAnArrayTheListItself() {
        List<Field> fields = List.of(list("tags", field("item", UTF8)));
        JsonDocuments documents = JsonDocuments.paths(fields, List.of("$.tags"));
        assertThat(decode(documents, fields, ParseErrorPolicy.FAIL, raw("[[\"a\",\"b\"]]", "[[]]", "[]"), 0))
                .containsExactly(listOf(List.of("a", "b")), listOf(List.of()), listOf((Object) null));
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL, "[\"x\"]").getMessage())
                .contains("cannot convert value '\"x\"' at $.tags of field 'tags' in key 'k0' to List<Utf8> (a List reads a JSON array)");
    }

    @Test
    void anIndefinitePathIntoAListReadsEveryMatch() {
        List<Field> fields = List.of(list("prices", field("item", FLOAT64)));
        JsonDocuments documents = JsonDocuments.paths(fields, List.of("$..price"));
        assertThat(decode(documents, fields, ParseErrorPolicy.FAIL, raw("[1,2.5]", "[]", "[3]", "[null]"), 0))
                .containsExactly(listOf(List.of(1.0, 2.5)), listOf(List.of()), listOf(List.of(3.0)), listOf(listOf((Object) null)));
        ValueConversionException e = failure(documents, fields, ParseErrorPolicy.FAIL, "[1,\"x\"]");
        assertThat(e.path()).isEqualTo("($..price)[1]");
        assertThat(e.getMessage()).contains("value '\"x\"' at ($..price)[1] of field 'prices' in key 'k0' to Float64");
    }

    @Test
    void anIndefinitePathIntoAnyOtherColumnTakesOneMatchAndFailsOrNullsOnMore() {
        List<Field> fields = List.of(field("price", FLOAT64));
        JsonDocuments documents = JsonDocuments.paths(fields, List.of("$..price"));
        assertThat(decode(documents, fields, ParseErrorPolicy.FAIL, raw("[]", "[4]"), 0))
                .containsExactly(listOf((Object) null), listOf(4.0));
        ValueConversionException e = failure(documents, fields, ParseErrorPolicy.FAIL, "[1, {\"a\":[2]}, 3]");
        assertThat(e).hasMessage("cannot convert value '[1, {\"a\":[2]}, 3]' at $..price of field 'price' in key 'k0' to Float64 "
                + "($..price matches 3 values; declare the column a List); fix the data, change the schema, or use "
                + "onParseError(ParseErrorPolicy.NULL)");
        // the first match's own mismatch is not counted once the row turns out to have two
        assertThat(decode(documents, fields, ParseErrorPolicy.NULL, raw("[\"x\", 2]", "[5]", "[\"y\"]"), 0))
                .containsExactly(listOf((Object) null), listOf(5.0), listOf((Object) null));
        assertThat(nulled).isEqualTo(2);
        // Utf8 rolls back the first match's bytes
        List<Field> text = List.of(field("s", UTF8));
        assertThat(decode(JsonDocuments.paths(text, List.of("$..s")), text, ParseErrorPolicy.NULL,
                raw("[\"" + "long".repeat(100) + "\", \"b\"]", "[\"c\"]"), 0))
                .containsExactly(listOf((Object) null), listOf("c"));
    }

    @Test
    void twoOrMorePathsReadTheObjectKeyedByThePathsAsSent() {
        List<Field> fields = List.of(field("a", INT64), list("p", field("item", INT64)), field("zz", UTF8),
                field("c0", INT64), field("bp", INT64));
        List<String> paths = List.of("$.a", "$..p", "$.zz", "$.b.c[0]", "$['b']['p']");
        assertThat(paths(fields, paths, ParseErrorPolicy.FAIL,
                // recorded from valkey-json: JSON.GET d $.a $..p $.zz $.b.c[0] $['b']['p']
                "{\"$.a\":[1],\"$..p\":[4,3],\"$.zz\":[],\"$.b.c[0]\":[1],\"$['b']['p']\":[4]}",
                "{\"$.a\":[2],\"$.a\":[9],\"other\":[{\"x\":1}],\"$..p\":[]}"))
                .containsExactly(listOf(1L, List.of(4L, 3L), null, 1L, 4L), listOf(2L, List.of(), null, null, null));
        List<Field> two = List.of(field("a", INT64), field("b", INT64));
        ValueConversionException e = failure(JsonDocuments.paths(two, List.of("$.a", "$..b")), two, ParseErrorPolicy.FAIL,
                "{\"$.a\":[1],\"$..b\":[1,2]}");
        assertThat(e.getMessage()).contains("value '[1,2]' at $..b of field 'b' in key 'k0' to Int64 ($..b matches 2 values; "
                + "declare the column a List)");
    }

    @Test
    void malformedRepliesFailOrNullTheWholeRowCountingEachColumn() {
        List<Field> fields = List.of(field("a", INT64), struct("s", list("l", field("item", UTF8))));
        JsonDocuments documents = JsonDocuments.members(fields);
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL, "[{\"a\":1,\"s\":{\"l\":[\"x\",").getMessage())
                .contains("at $.s.l[1] of field 's' in key 'k0' to Struct<l: List<Utf8>> (not valid JSON: Unexpected end-of-input");
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL, "{\"a\":1}").getMessage())
                .contains("(not a reply to JSON.GET key $, which is [document])");
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL, "[{},{}]").getMessage()).contains("more than one document");
        assertThat(failure(documents, fields, ParseErrorPolicy.FAIL, "[{}] x").getMessage()).contains("not valid JSON");
        assertThat(members(fields, ParseErrorPolicy.NULL,
                "[{\"a\":1,\"s\":{\"l\":[\"" + "x".repeat(500) + "\",",
                "[{\"a\":2,\"s\":{\"l\":[\"y\"]}}]",
                "{}",
                "[{\"s\":{\"l\":[\"z\"]},\"a\":}]"))
                .containsExactly(listOf(null, null), listOf(2L, object("l", List.of("y"))), listOf(null, null), listOf(null, null));
        assertThat(nulled).isEqualTo(6);

        List<Field> two = List.of(field("a", INT64), field("b", INT64));
        JsonDocuments byPath = JsonDocuments.paths(two, List.of("$.a", "$.b"));
        assertThat(failure(byPath, two, ParseErrorPolicy.FAIL, "[1]").getMessage()).contains("not a reply to JSON.GET");
        assertThat(failure(byPath, two, ParseErrorPolicy.FAIL, "{\"$.a\":1}").getMessage())
                .contains("the matches of $.a are not an array");
        assertThat(failure(JsonDocuments.paths(two.subList(0, 1), List.of("$.a")), two.subList(0, 1), ParseErrorPolicy.FAIL,
                "{\"$.a\":[1]}").getMessage()).contains("not a reply to JSON.GET key path, which is [matches]");
    }

    @Test
    void theReplysOwnWrappingDoesNotCountTowardsTheDepthLimit() {
        List<Field> fields = List.of(field("a", UTF8));
        String deepest = "[".repeat(JsonTypes.MAX_DEPTH - 1) + "]".repeat(JsonTypes.MAX_DEPTH - 1); // inside the document's object
        assertThat(members(fields, ParseErrorPolicy.FAIL, "[{\"a\":" + deepest + "}]")).containsExactly(listOf(deepest));
        assertThat(failure(JsonDocuments.members(fields), fields, ParseErrorPolicy.FAIL, "[{\"a\":[" + deepest + "]}]").getMessage())
                .contains("(nested deeper than 1000 levels");
        String match = "[".repeat(JsonTypes.MAX_DEPTH) + "]".repeat(JsonTypes.MAX_DEPTH);
        List<Field> two = List.of(field("a", UTF8), field("b", UTF8));
        assertThat(paths(two, List.of("$.a", "$.b"), ParseErrorPolicy.FAIL, "{\"$.a\":[" + match + "],\"$.b\":[]}"))
                .containsExactly(listOf(match, null));
    }

    @Test
    void readsTheRawColumnItIsGiven() {
        RawBatch raw = new RawBatch(2, 1, false);
        int row = raw.startRow("key".getBytes(StandardCharsets.UTF_8));
        byte[] ignored = "not json".getBytes(StandardCharsets.UTF_8);
        byte[] reply = "[{\"a\":7}]".getBytes(StandardCharsets.UTF_8);
        raw.copyValue(row, 0, ignored, 0, ignored.length);
        raw.copyValue(row, 1, reply, 0, reply.length);
        List<Field> fields = List.of(field("a", INT64));
        assertThat(decode(JsonDocuments.members(fields), fields, ParseErrorPolicy.FAIL, raw, 1)).containsExactly(listOf(7L));
    }

    @Test
    void anEmptyBatchDecodesToEmptyVectors() {
        List<Field> fields = List.of(field("a", UTF8), list("l", struct("item", field("x", INT64))), map("m", field("value", INT64)));
        assertThat(decode(JsonDocuments.members(fields), fields, ParseErrorPolicy.FAIL, raw(new String[0]), 0)).isEmpty();
        assertThat(decode(JsonDocuments.members(List.of()), List.of(), ParseErrorPolicy.FAIL, raw("[{\"a\":1}]", "[{"), 0))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void oneInstanceDecodesOnManyThreadsAtOnce() throws Exception {
        List<Field> fields = List.of(struct("s", field("a", INT64), list("l", field("item", UTF8))), field("n", INT64));
        JsonDocuments documents = JsonDocuments.members(fields);
        String[] replies = new String[200];
        for (int i = 0; i < replies.length; i++) {
            replies[i] = "[{\"n\":" + i + ",\"s\":{\"l\":[\"" + i + "\"],\"a\":" + i + "}}]";
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Object>>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> decode(documents, fields, ParseErrorPolicy.FAIL, raw(replies), 0)));
            }
            for (Future<List<List<Object>>> result : results) {
                List<List<Object>> rows = result.get();
                assertThat(rows.get(199)).containsExactly(object("a", 199L, "l", List.of("199")), 199L);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void argumentsAreCheckedWhenBuilt() {
        List<Field> two = List.of(field("a", INT64), field("b", INT64));
        assertThatThrownBy(() -> JsonDocuments.paths(two, List.of("$.a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paths must hold one path per field (2), not 1");
        assertThatThrownBy(() -> JsonDocuments.paths(two, List.of("$.a", "$.a")))
                .hasMessage("paths must be distinct, but '$.a' comes twice");
        assertThatThrownBy(() -> JsonDocuments.paths(two, List.of("$.a", ".b")))
                .hasMessage("paths must be JSONPaths starting with $, not '.b'");
        assertThatThrownBy(() -> JsonDocuments.paths(List.of(), List.of())).hasMessage("paths must not be empty");
        assertThatThrownBy(() -> JsonDocuments.members(List.of(field("a", INT64), field("a", UTF8))))
                .hasMessage("fields must have distinct names, but 'a' comes twice");
        assertThatThrownBy(() -> JsonDocuments.members(List.of(struct("s", field("u", new ArrowType.Int(8, false))))))
                .isInstanceOf(UnsupportedArrowTypeException.class).hasMessageContaining("field 's.u' has Arrow type UInt8");
        assertThatThrownBy(() -> JsonDocuments.members(two).decode(raw("[{}]"), 0, List.of(), ParseErrorPolicy.FAIL))
                .hasMessage("vectors must hold one vector per field (2), not 0");
    }
}
