package io.redisarrow.arrow.internal.infer;

import io.redisarrow.arrow.InferenceMetadata;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.SampledDocument;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
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
 * The JSON type rules, with no server: scalars by their JSON type, objects as Struct or Map,
 * arrays as List, conflicts and deep nesting as Utf8, nullability from absent members and nulls.
 */
class JsonSchemaInferenceUnitTests {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator(Long.MAX_VALUE);
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    /** @param documents JSON texts, each wrapped as {@code JSON.GET key $} replies it */
    Schema infer(String... documents) {
        List<SampledDocument> sample = new ArrayList<>();
        for (String document : documents) {
            sample.add(SampledDocument.of("k".getBytes(StandardCharsets.UTF_8),
                    ("[" + document + "]").getBytes(StandardCharsets.UTF_8)));
        }
        return JsonSchemaInference.infer(sample, allocator);
    }

    ArrowType typeOf(String member, String... documents) {
        return infer(documents).findField(member).getType();
    }

    static Field child(Field field, String name) {
        return field.getChildren().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void scalarsTakeTheTypeOfTheirJsonType() {
        Schema schema = infer("{\"i\":1,\"f\":1.5,\"b\":true,\"s\":\"x\",\"d\":\"2024-01-31\","
                + "\"t\":\"2024-01-31T10:00:00Z\",\"u\":\"2024-01-31 10:00:00.123456\"}");
        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("i", "f", "b", "s", "d", "t", "u");
        assertThat(schema.getFields()).extracting(Field::getType).containsExactly(INT64, FLOAT64,
                ArrowType.Bool.INSTANCE, UTF8, new ArrowType.Date(DateUnit.DAY),
                new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
        assertThat(schema.getFields()).noneMatch(Field::isNullable);
    }

    @Test
    void stringsNeverBecomeNumbersOrBooleans() {
        assertThat(typeOf("n", "{\"n\":\"42\"}", "{\"n\":\"true\"}")).isEqualTo(UTF8);
    }

    @Test
    void integersAndFloatsAtOnePlaceAreFloat64() {
        assertThat(typeOf("n", "{\"n\":1}", "{\"n\":2.25}")).isEqualTo(FLOAT64);
    }

    @Test
    void integersBeyondInt64AreDecimalAndBeyond38DigitsUtf8() {
        assertThat(typeOf("n", "{\"n\":123456789012345678901234}", "{\"n\":-1}"))
                .isEqualTo(new ArrowType.Decimal(24, 0, 128));
        assertThat(typeOf("n", "{\"n\":1234567890123456789012345678901234567890}")).isEqualTo(UTF8);
    }

    @Test
    void floatsADoubleWouldRoundAreDecimal() {
        assertThat(typeOf("n", "{\"n\":3.14159265358979323846}", "{\"n\":1}"))
                .isEqualTo(new ArrowType.Decimal(21, 20, 128));
    }

    @Test
    void conflictingJsonTypesAreUtf8() {
        assertThat(typeOf("x", "{\"x\":1}", "{\"x\":\"a\"}")).isEqualTo(UTF8);
        assertThat(typeOf("x", "{\"x\":true}", "{\"x\":1}")).isEqualTo(UTF8);
        assertThat(typeOf("x", "{\"x\":{\"a\":1}}", "{\"x\":[1]}")).isEqualTo(UTF8);
        assertThat(typeOf("x", "{\"x\":{\"a\":1}}", "{\"x\":1}")).isEqualTo(UTF8);
        assertThat(typeOf("x", "{\"x\":\"2024-01-01\"}", "{\"x\":5}")).isEqualTo(UTF8);
    }

    @Test
    void absentMembersAndNullsMakeFieldsNullable() {
        Schema schema = infer("{\"a\":1,\"b\":null,\"c\":2}", "{\"a\":2,\"c\":null}");
        assertThat(schema.findField("a").isNullable()).isFalse();
        assertThat(schema.findField("b").isNullable()).isTrue();
        assertThat(schema.findField("b").getType()).isEqualTo(UTF8);
        assertThat(schema.findField("c").isNullable()).isTrue();
        assertThat(schema.findField("c").getType()).isEqualTo(INT64);
        assertThat(schema.findField("c").getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "2")
                .containsEntry(InferenceMetadata.PRESENT, "2").containsEntry(InferenceMetadata.TYPES, "integer:1,null:1");
        assertThat(schema.findField("b").getMetadata()).containsEntry(InferenceMetadata.PRESENT, "1");
    }

    @Test
    void objectsAreStructsOfTheirMembersUnion() {
        Field o = infer("{\"o\":{\"x\":1,\"n\":{\"deep\":true}}}", "{\"o\":{\"y\":\"s\",\"x\":2}}").findField("o");
        assertThat(o.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(o.isNullable()).isFalse();
        assertThat(o.getChildren()).extracting(Field::getName).containsExactly("x", "n", "y");
        assertThat(child(o, "x").getType()).isEqualTo(INT64);
        assertThat(child(o, "x").isNullable()).isFalse();
        assertThat(child(o, "y").isNullable()).isTrue();
        assertThat(child(o, "y").getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "2")
                .containsEntry(InferenceMetadata.PRESENT, "1");
        Field n = child(o, "n");
        assertThat(n.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(n.isNullable()).isTrue();
        assertThat(child(n, "deep").getType()).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(child(n, "deep").isNullable()).isFalse();
    }

    @Test
    void arraysAreListsOfTheirElementsMergedType() {
        Schema schema = infer("{\"l\":[1,2,null],\"e\":[],\"s\":[{\"a\":1},{\"a\":2,\"b\":\"x\"}]}",
                "{\"l\":[3.5],\"e\":[],\"s\":[]}");
        Field l = schema.findField("l");
        assertThat(l.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(l.getChildren()).singleElement().satisfies(item -> {
            assertThat(item.getName()).isEqualTo("item");
            assertThat(item.getType()).isEqualTo(FLOAT64);
            assertThat(item.isNullable()).isTrue();
            assertThat(item.getMetadata()).containsEntry(InferenceMetadata.TYPES, "integer:2,float:1,null:1");
        });
        Field e = schema.findField("e");
        assertThat(e.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(e.getChildren().get(0).getType()).isEqualTo(UTF8);
        Field s = schema.findField("s");
        Field item = s.getChildren().get(0);
        assertThat(item.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(item.isNullable()).isFalse();
        assertThat(child(item, "a").isNullable()).isFalse();
        assertThat(child(item, "b").isNullable()).isTrue();
    }

    @Test
    void objectsWithManyRareMemberNamesAreMaps() {
        List<String> documents = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            StringBuilder json = new StringBuilder("{\"m\":{");
            for (int i = 0; i < 20; i++) {
                json.append(i == 0 ? "" : ",").append("\"id").append(d * 20 + i).append("\":").append(i);
            }
            documents.add(json.append("}}").toString());
        }
        Field m = infer(documents.toArray(String[]::new)).findField("m");
        assertThat(m.getType()).isEqualTo(new ArrowType.Map(false));
        Field entries = m.getChildren().get(0);
        assertThat(entries.getName()).isEqualTo("entries");
        assertThat(entries.isNullable()).isFalse();
        assertThat(entries.getChildren()).extracting(Field::getName).containsExactly("key", "value");
        assertThat(entries.getChildren().get(0).getType()).isEqualTo(UTF8);
        assertThat(entries.getChildren().get(0).isNullable()).isFalse();
        assertThat(entries.getChildren().get(1).getType()).isEqualTo(INT64);
        assertThat(entries.getChildren().get(1).getMetadata()).containsEntry(InferenceMetadata.TYPES, "integer:200");
    }

    @Test
    void manyMemberNamesSharedByTheObjectsStayAStruct() {
        StringBuilder json = new StringBuilder("{\"w\":{");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        String document = json.append("}}").toString();
        Field w = infer(document, document, document).findField("w");
        assertThat(w.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(w.getChildren()).hasSize(100);
    }

    @Test
    void emptyObjectsAloneAreMapsOfText() {
        Field o = infer("{\"o\":{}}").findField("o");
        assertThat(o.getType()).isEqualTo(new ArrowType.Map(false));
        assertThat(o.getChildren().get(0).getChildren().get(1).getType()).isEqualTo(UTF8);
    }

    @Test
    void nestingDeeperThanTheLimitIsUtf8AtThatLevel() {
        int levels = 40;
        String document = "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
        Field field = infer(document).findField("a");
        int depth = 1;
        while (field.getType() instanceof ArrowType.Struct) {
            field = field.getChildren().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(JsonSampleReader.MAX_DEPTH + 1);
        assertThat(field.getType()).isEqualTo(UTF8);
    }

    @Test
    void documentsThatAreNotObjectsMakeFieldsNullable() {
        Field a = infer("{\"a\":1}", "[1,2]", "\"text\"").findField("a");
        assertThat(a.isNullable()).isTrue();
        assertThat(a.getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "3");
    }

    @Test
    void noObjectDocumentFailsNamingTheCause() {
        assertThatThrownBy(() -> infer("[1]", "{}")).isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("none of the 2 sampled JSON documents has a top-level member");
    }

    @Test
    void aReplyThatIsNotJsonFailsNamingTheKey() {
        List<SampledDocument> sample = List.of(SampledDocument.of("doc:1".getBytes(StandardCharsets.UTF_8),
                "[{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> JsonSchemaInference.infer(sample, allocator)).isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("'doc:1'");
    }

    @Test
    void metadataIsOnNestedMembersToo() {
        Field o = infer("{\"o\":{\"x\":1}}", "{\"o\":null}").findField("o");
        assertThat(o.isNullable()).isTrue();
        assertThat(o.getMetadata()).isEqualTo(Map.of(InferenceMetadata.SAMPLED, "2", InferenceMetadata.PRESENT, "2",
                InferenceMetadata.TYPES, "object:1,null:1"));
        assertThat(child(o, "x").getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "1");
    }
}
