package io.redisarrow.arrow;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SearchIndex}: the exact {@code FT.CREATE} arguments, every type mapping on hashes and on
 * JSON documents, JSONPaths, options, and the errors of a description that does not fit.
 */
class SearchIndexUnitTests {

    static Field field(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.nullable(type), children.length == 0 ? null : List.of(children));
    }

    static Field list(String name, ArrowType element) {
        return field(name, ArrowType.List.INSTANCE, field("item", element));
    }

    static Schema schema(Field... fields) {
        return new Schema(List.of(fields));
    }

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static SearchIndex.Builder hash(Field... fields) {
        return SearchIndex.builder().name("idx").prefix("user:").schema(schema(fields));
    }

    static SearchIndex.Builder json(Field... fields) {
        return SearchIndex.builder().name("idx").on(SearchIndex.Target.JSON).prefix("doc:").schema(schema(fields));
    }

    @Test
    void rendersAHashIndexWithEveryOption() {
        SearchIndex index = SearchIndex.builder().name("users").on(SearchIndex.Target.HASH).prefixes("user:", "admin:")
                .schema(schema(field("name", UTF8), field("bio", UTF8), field("age", INT64), field("home", UTF8),
                        field("code", UTF8)))
                .text("bio").sortable("age", "name").geo("home").caseSensitive("code").separator('|', "code", "name")
                .build();

        assertThat(index.arguments()).containsExactly("users", "ON", "HASH", "PREFIX", "2", "user:", "admin:", "SCHEMA",
                "name", "TAG", "SEPARATOR", "|", "SORTABLE",
                "bio", "TEXT",
                "age", "NUMERIC", "SORTABLE",
                "home", "GEO",
                "code", "TAG", "SEPARATOR", "|", "CASESENSITIVE");
        assertThat(index.name()).isEqualTo("users");
        assertThat(index.target()).isEqualTo(SearchIndex.Target.HASH);
        assertThat(index.prefixes()).containsExactly("user:", "admin:");
        assertThat(index.toString()).isEqualTo("SearchIndex{FT.CREATE " + String.join(" ", index.arguments()) + "}");
    }

    @Test
    void rendersAJsonIndexWithPathsAndAliases() {
        SearchIndex index = json(field("name", UTF8), field("city", UTF8), list("tags", UTF8), list("scores", INT64),
                field("first name", UTF8), field("sku", UTF8))
                .text("name").path("city", "$.address.city").path("sku", "$.items[*].sku").sortable("city")
                .build();

        assertThat(index.arguments()).containsExactly("idx", "ON", "JSON", "PREFIX", "1", "doc:", "SCHEMA",
                "$.name", "AS", "name", "TEXT",
                "$.address.city", "AS", "city", "TAG", "SORTABLE",
                "$.tags[*]", "AS", "tags", "TAG",
                "$.scores[*]", "AS", "scores", "NUMERIC",
                "$[\"first name\"]", "AS", "first name", "TAG",
                "$.items[*].sku", "AS", "sku", "TAG");
    }

    @Test
    void theTargetIsHashByDefaultAndAllKeysLeavesOutThePrefix() {
        SearchIndex index = SearchIndex.builder().name("all").allKeys().schema(schema(field("n", INT64))).build();

        assertThat(index.target()).isEqualTo(SearchIndex.Target.HASH);
        assertThat(index.prefixes()).isEmpty();
        assertThat(index.arguments()).containsExactly("all", "ON", "HASH", "SCHEMA", "n", "NUMERIC");
    }

    @Test
    void aLaterPrefixCallReplacesTheEarlierOnes() {
        SearchIndex index = hash(field("n", INT64)).prefixes("a:", "b:").prefix("c:").build();

        assertThat(index.prefixes()).containsExactly("c:");
    }

    static Stream<Object[]> scalarTypes() {
        return Stream.of(
                new Object[] {UTF8, "TAG"},
                new Object[] {new ArrowType.Int(8, true), "NUMERIC"},
                new Object[] {new ArrowType.Int(16, true), "NUMERIC"},
                new Object[] {new ArrowType.Int(32, true), "NUMERIC"},
                new Object[] {INT64, "NUMERIC"},
                new Object[] {new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "NUMERIC"},
                new Object[] {new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "NUMERIC"},
                new Object[] {new ArrowType.Decimal(38, 2, 128), "NUMERIC"},
                new Object[] {ArrowType.Bool.INSTANCE, "TAG"},
                new Object[] {new ArrowType.Date(DateUnit.DAY), "TAG"},
                new Object[] {new ArrowType.Date(DateUnit.MILLISECOND), "TAG"},
                new Object[] {new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), "TAG"},
                new Object[] {new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), "TAG"});
    }

    @ParameterizedTest
    @MethodSource("scalarTypes")
    void mapsEachScalarTypeOnHashes(ArrowType type, String attribute) {
        assertThat(hash(field("f", type)).build().arguments()).endsWith("SCHEMA", "f", attribute);
    }

    @ParameterizedTest
    @MethodSource("scalarTypes")
    void mapsEachScalarTypeOnJsonAndAListOfItByItsElements(ArrowType type, String attribute) {
        assertThat(json(field("f", type)).build().arguments()).endsWith("SCHEMA", "$.f", "AS", "f", attribute);
        if (!(type instanceof ArrowType.Bool)) { // rejected: rejectsAListOfBooleansOnJson
            assertThat(json(list("f", type)).build().arguments()).endsWith("SCHEMA", "$.f[*]", "AS", "f", attribute);
        }
    }

    @Test
    void textAndGeoApplyToListsOfStringsOnJson() {
        assertThat(json(list("words", UTF8), list("places", UTF8)).text("words").geo("places").build().arguments())
                .endsWith("SCHEMA", "$.words[*]", "AS", "words", "TEXT", "$.places[*]", "AS", "places", "GEO");
    }

    @Test
    void aGivenPathIsUsedAsItIsEvenForAList() {
        assertThat(json(list("tags", UTF8)).path("tags", "$.meta.tags").build().arguments())
                .endsWith("SCHEMA", "$.meta.tags", "AS", "tags", "TAG");
    }

    @Test
    void memberNamesThatAreNotPlainIdentifiersAreQuoted() {
        assertThat(json(field("a\"b\\c", UTF8), list("x-y", INT64), field("_ok1", UTF8)).build().arguments())
                .endsWith("SCHEMA", "$[\"a\\\"b\\\\c\"]", "AS", "a\"b\\c", "TAG",
                        "$[\"x-y\"][*]", "AS", "x-y", "NUMERIC",
                        "$._ok1", "AS", "_ok1", "TAG");
    }

    @Test
    void hashFieldNamesArePassedAsTheyAre() {
        assertThat(hash(field("first name", UTF8), field("$.odd", INT64)).build().arguments())
                .endsWith("SCHEMA", "first name", "TAG", "$.odd", "NUMERIC");
    }

    @Test
    void rejectsAListOnHashes() {
        assertThatThrownBy(() -> hash(list("tags", UTF8)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'tags' is a List<Utf8>").hasMessageContaining("on(Target.JSON)");
    }

    @Test
    void rejectsAListOfBooleansOnJson() {
        assertThatThrownBy(() -> json(list("flags", ArrowType.Bool.INSTANCE)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'flags' is a List<Bool>")
                .hasMessageContaining("does not index arrays of booleans");
    }

    @Test
    void rejectsBinarySayingToLeaveItOut() {
        assertThatThrownBy(() -> hash(field("blob", ArrowType.Binary.INSTANCE)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'blob' is Binary").hasMessageContaining("leave the field out");
    }

    @Test
    void rejectsAStructOnJsonSayingToIndexAMemberWithAPath() {
        Field address = field("address", ArrowType.Struct.INSTANCE, field("city", UTF8));

        assertThatThrownBy(() -> json(address).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'address' is a Struct<city: Utf8>")
                .hasMessageContaining("path(\"city\", \"$.address.city\")");
    }

    @Test
    void rejectsAListOfStructsOnJsonPointingIntoItsElements() {
        Field items = field("items", ArrowType.List.INSTANCE, field("item", ArrowType.Struct.INSTANCE,
                field("sku", UTF8)));

        assertThatThrownBy(() -> json(items).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'items' is a List<Struct<sku: Utf8>>")
                .hasMessageContaining("$.items[*].city");
    }

    @Test
    void rejectsAListOfListsOnJson() {
        Field matrix = field("m", ArrowType.List.INSTANCE, list("item", INT64));

        assertThatThrownBy(() -> json(matrix).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'm' is a List<List<Int64>>");
    }

    @Test
    void rejectsAStructOrMapOnHashesSayingToDeclareItUtf8() {
        Field address = field("address", ArrowType.Struct.INSTANCE, field("city", UTF8));
        Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                new Field("key", FieldType.notNullable(UTF8), null), field("value", INT64)));
        Field counts = new Field("counts", FieldType.nullable(new ArrowType.Map(false)), List.of(entries));

        assertThatThrownBy(() -> hash(address).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'address' is a Struct<city: Utf8>")
                .hasMessageContaining("declare the field Utf8");
        assertThatThrownBy(() -> hash(counts).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'counts' is a Map<Utf8, Int64>");
    }

    @Test
    void rejectsOtherTypesListingWhatFits() {
        assertThatThrownBy(() -> hash(field("t", new ArrowType.Time(TimeUnit.MILLISECOND, 32))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 't' has Arrow type Time")
                .hasMessageContaining(IndexAttributes.SUPPORTED);
    }

    @Test
    void textAndGeoNeedStrings() {
        assertThatThrownBy(() -> hash(field("age", INT64)).text("age").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text() names field 'age', which is Int64: TEXT indexes strings; declare the field Utf8");
        assertThatThrownBy(() -> json(list("ns", INT64)).geo("ns").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("geo() names field 'ns', which is List<Int64>: GEO indexes strings");
    }

    @Test
    void anAttributeHasOneType() {
        assertThatThrownBy(() -> hash(field("s", UTF8)).text("s").geo("s").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 's' is named by both text() and geo()");
    }

    @Test
    void tagOptionsNeedATag() {
        assertThatThrownBy(() -> hash(field("s", UTF8)).text("s").caseSensitive("s").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("caseSensitive() names field 's', which is indexed as TEXT, not TAG");
        assertThatThrownBy(() -> hash(field("n", INT64)).separator(';', "n").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("separator() names field 'n', which is indexed as NUMERIC, not TAG");
    }

    @Test
    void tagOptionsApplyToEveryTagType() {
        assertThat(json(field("b", ArrowType.Bool.INSTANCE), list("d", new ArrowType.Date(DateUnit.DAY)))
                .caseSensitive("b", "d").separator(';', "d").build().arguments())
                .endsWith("$.b", "AS", "b", "TAG", "CASESENSITIVE", "$.d[*]", "AS", "d", "TAG", "SEPARATOR", ";",
                        "CASESENSITIVE");
    }

    @Test
    void separatorMustBeOnePrintableAsciiCharacterThatIsNotALetterOrDigit() {
        for (char bad : new char[] {'a', 'Z', '7', ' ', '\t', '\u001f', '\u00e9', '\u2022'}) {
            assertThatThrownBy(() -> SearchIndex.builder().separator(bad, "s"))
                    .as("separator U+%04X", (int) bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("separator must be an ASCII character that is not a letter, a digit or white"
                            + " space; got U+");
        }
        assertThat(hash(field("s", UTF8)).separator('~', "s").build().arguments()).endsWith("TAG", "SEPARATOR", "~");
    }

    @Test
    void optionsMustNameSchemaFields() {
        for (var option : Map.<String, java.util.function.UnaryOperator<SearchIndex.Builder>>of(
                "text", b -> b.text("nope"), "geo", b -> b.geo("nope"), "sortable", b -> b.sortable("nope"),
                "caseSensitive", b -> b.caseSensitive("nope"), "separator", b -> b.separator(';', "nope"),
                "path", b -> b.path("nope", "$.x")).entrySet()) {
            SearchIndex.Builder builder = option.getValue().apply(json(field("a", UTF8), field("b", INT64)));
            assertThatThrownBy(builder::build).as(option.getKey()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(option.getKey() + "() names field 'nope', which is not in the schema [a, b]");
        }
    }

    @Test
    void optionsMustNameAtLeastOneField() {
        assertThatThrownBy(() -> SearchIndex.builder().sortable()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sortable(...) must name at least one field");
    }

    @Test
    void pathsAreForJsonOnly() {
        assertThatThrownBy(() -> hash(field("city", UTF8)).path("city", "$.address.city").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path(...) is for JSON documents (on(Target.JSON))")
                .hasMessageContaining("[city]");
    }

    @Test
    void aPathMustStartWithTheRoot() {
        assertThatThrownBy(() -> SearchIndex.builder().path("city", "address.city"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jsonPath must start with '$'; got 'address.city'");
    }

    @Test
    void nameAndSchemaAreRequired() {
        assertThatThrownBy(() -> SearchIndex.builder().prefix("p:").schema(schema(field("a", UTF8))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name is required");
        assertThatThrownBy(() -> SearchIndex.builder().name("i").prefix("p:").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("schema is required");
        assertThatThrownBy(() -> SearchIndex.builder().name("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be empty");
    }

    @Test
    void theKeysMustBeChosenExactlyOnce() {
        assertThatThrownBy(() -> SearchIndex.builder().name("i").schema(schema(field("a", UTF8))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give the key prefixes the index covers (prefix(...)), or allKeys() for every key");
        assertThatThrownBy(() -> hash(field("a", UTF8)).allKeys().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allKeys() and prefixes [user:] exclude each other; give one");
    }

    @Test
    void prefixesMustBeNonEmptyAndDistinct() {
        assertThatThrownBy(() -> SearchIndex.builder().prefix("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a prefix must not be empty; use allKeys() to index every key");
        assertThatThrownBy(() -> SearchIndex.builder().prefixes()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefixes must name at least one prefix; use allKeys() for every key");
        assertThatThrownBy(() -> SearchIndex.builder().prefixes("a:", "b:", "a:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("prefix 'a:' is given twice");
    }

    @Test
    void theSchemaNeedsDistinctNamedFields() {
        assertThatThrownBy(() -> SearchIndex.builder().name("i").prefix("p:").schema(new Schema(List.of())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("schema must have at least one field");
        assertThatThrownBy(() -> hash(field("a", UTF8), field("a", INT64)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema has two fields named 'a'; attribute names must be unique");
        assertThatThrownBy(() -> hash(field("", UTF8)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every schema field needs a name: it names the attribute");
    }

    @Test
    void theIndexDoesNotChangeWhenItsBuilderDoes() {
        SearchIndex.Builder builder = hash(field("a", UTF8), field("b", INT64));
        SearchIndex index = builder.build();
        List<String> before = index.arguments();

        builder.sortable("a", "b").prefix("other:").name("other");

        assertThat(index.arguments()).isEqualTo(before);
        assertThat(index.prefixes()).containsExactly("user:");
        assertThatThrownBy(() -> index.prefixes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
