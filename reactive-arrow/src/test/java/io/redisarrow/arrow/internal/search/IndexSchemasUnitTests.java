package io.redisarrow.arrow.internal.search;

import io.redisarrow.arrow.SearchMetadata;
import io.redisarrow.core.IndexInfo;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndexSchemas}: each attribute type on hashes and on JSON documents, paths that select one
 * value or several, the metadata, and the order and nullability of the fields.
 */
class IndexSchemasUnitTests {

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static IndexInfo.Attribute attribute(String identifier, String name, String type, boolean sortable) {
        return new IndexInfo.Attribute(identifier, name, type, sortable, Map.of());
    }

    static Schema schema(String keyType, IndexInfo.Attribute... attributes) {
        return IndexSchemas.of(new IndexInfo("idx", keyType, List.of("p:"), List.of(attributes), 0, false, 0, 0));
    }

    @Test
    void mapsEveryTypeOnHashesToOneNullableFieldPerAttributeInOrder() {
        Schema schema = schema("HASH", attribute("name", "name", "TEXT", false), attribute("tag", "tag", "TAG", true),
                attribute("age", "age", "NUMERIC", true), attribute("home", "home", "GEO", false),
                attribute("vec", "vec", "VECTOR", false), attribute("shape", "shape", "GEOSHAPE", false));

        assertThat(schema.getFields()).extracting(Field::getName)
                .containsExactly("name", "tag", "age", "home", "vec", "shape");
        assertThat(schema.getFields()).extracting(Field::getType).containsExactly(ArrowType.Utf8.INSTANCE,
                ArrowType.Utf8.INSTANCE, FLOAT64, ArrowType.Utf8.INSTANCE, ArrowType.Binary.INSTANCE,
                ArrowType.Utf8.INSTANCE);
        assertThat(schema.getFields()).allSatisfy(f -> {
            assertThat(f.isNullable()).as(f.getName()).isTrue();
            assertThat(f.getChildren()).as(f.getName()).isEmpty();
        });
    }

    @Test
    void putsTheIdentifierTypeAndSortabilityInEachFieldsMetadata() {
        Schema schema = schema("JSON", attribute("$.address.city", "city", "TAG", true),
                attribute("$.n", "n", "NUMERIC", false));

        assertThat(schema.getFields().get(0).getMetadata()).containsOnly(
                Map.entry(SearchMetadata.IDENTIFIER, "$.address.city"), Map.entry(SearchMetadata.TYPE, "TAG"),
                Map.entry(SearchMetadata.SORTABLE, "true"));
        assertThat(schema.getFields().get(1).getMetadata()).containsEntry(SearchMetadata.SORTABLE, "false");
    }

    @Test
    void namesFieldsByTheAttributeNotTheIdentifier() {
        assertThat(schema("JSON", attribute("$.address.city", "city", "TAG", false)).getFields().get(0).getName())
                .isEqualTo("city");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.tags[*]", "$..name", "$.items[*].sku", "$.a[0:2]", "$.a[?(@.x>1)]", "$.*", "$.a[0,1]"})
    void makesAListOfAJsonAttributeWhosePathSelectsSeveralValues(String path) {
        Schema schema = schema("JSON", attribute(path, "t", "TAG", false), attribute(path, "n", "NUMERIC", false));

        Field tags = schema.getFields().get(0);
        assertThat(tags.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(tags.isNullable()).isTrue();
        assertThat(tags.getChildren()).singleElement().satisfies(item -> {
            assertThat(item.getName()).isEqualTo("item");
            assertThat(item.getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
            assertThat(item.isNullable()).isTrue();
            assertThat(item.getMetadata()).isEmpty();
        });
        assertThat(tags.getMetadata()).containsEntry(SearchMetadata.IDENTIFIER, path);
        assertThat(schema.getFields().get(1).getChildren().get(0).getType()).isEqualTo(FLOAT64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.name", "$.address.city", "$[\"first name\"]", "$.a[0]", "$['x'][-1]", ".legacy", "name"})
    void keepsAJsonAttributeWhosePathSelectsOneValueScalar(String path) {
        assertThat(schema("JSON", attribute(path, "f", "TEXT", false)).getFields().get(0).getType())
                .isEqualTo(ArrowType.Utf8.INSTANCE);
    }

    @Test
    void hashFieldsThatLookLikePathsStayScalar() {
        assertThat(schema("HASH", attribute("$.tags[*]", "t", "TAG", false)).getFields().get(0).getType())
                .isEqualTo(ArrowType.Utf8.INSTANCE);
    }

    @Test
    void aJsonVectorIsAListOfNumbersAndAListOfThoseUnderASeveralValuePath() {
        Schema schema = schema("JSON", attribute("$.v", "v", "VECTOR", false),
                attribute("$.vs[*]", "vs", "VECTOR", false));

        Field v = schema.getFields().get(0);
        assertThat(v.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(v.getChildren().get(0).getType()).isEqualTo(FLOAT64);
        assertThat(v.getMetadata()).containsEntry(SearchMetadata.TYPE, "VECTOR");
        Field vs = schema.getFields().get(1);
        assertThat(vs.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(vs.getChildren().get(0).getName()).isEqualTo("item");
        assertThat(vs.getChildren().get(0).getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(vs.getChildren().get(0).getChildren().get(0).getType()).isEqualTo(FLOAT64);
    }

    @Test
    void anIndexWithoutAttributesHasAnEmptySchema() {
        assertThat(schema("HASH").getFields()).isEmpty();
    }
}
