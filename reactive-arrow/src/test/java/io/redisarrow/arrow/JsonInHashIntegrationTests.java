package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.redisarrow.arrow.JsonScanIntegrationTests.field;
import static io.redisarrow.arrow.JsonScanIntegrationTests.list;
import static io.redisarrow.arrow.JsonScanIntegrationTests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON held in hash fields (no module needed): {@code HashScan.builder().json(...)} decodes the
 * field's JSON text into nested columns by the rules of {@code scanJson}.
 */
class JsonInHashIntegrationTests extends ScanTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final Schema SCHEMA = new Schema(List.of(
            field("name", ArrowType.Utf8.INSTANCE),
            field("profile", ArrowType.Struct.INSTANCE, field("age", INT64),
                    list("langs", field("item", ArrowType.Utf8.INSTANCE))),
            list("scores", field("item", new ArrowType.FloatingPoint(
                    org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE))),
            map("attrs", ArrowType.Utf8.INSTANCE)));

    Map<String, Map<String, Object>> rows(HashScan scan) {
        return Rows.collect(redis.scanHashes(scan)).stream()
                .collect(Collectors.toMap(row -> (String) row.get("_key"), row -> row));
    }

    HashScan.Builder scan() {
        return HashScan.builder().pattern(prefix + "*").schema(SCHEMA).json("profile", "scores", "attrs");
    }

    @Test
    void decodesJsonTextsIntoStructListAndMapColumns() {
        hset(prefix + "1", Map.of("name", "Ada", "profile", "{\"age\":36,\"langs\":[\"en\",\"fr\"],\"x\":{}}",
                "scores", "[1.5, 2, -3e2]", "attrs", "{\"eyes\":\"blue\",\"\u00e9\":\"\\u00e9\"}"));
        hset(prefix + "2", Map.of("name", "Bob"));
        Map<String, Map<String, Object>> rows = rows(scan().build());
        Map<String, Object> ada = rows.get(prefix + "1");
        assertThat(ada.get("profile").toString()).isEqualTo("{\"age\":36,\"langs\":[\"en\",\"fr\"]}");
        assertThat(ada.get("scores").toString()).isEqualTo("[1.5,2.0,-300.0]");
        assertThat(ada.get("attrs").toString())
                .isEqualTo("[{\"key\":\"eyes\",\"value\":\"blue\"},{\"key\":\"\u00e9\",\"value\":\"\u00e9\"}]");
        Map<String, Object> bob = rows.get(prefix + "2");
        assertThat(bob.get("profile")).isNull();
        assertThat(bob.get("scores")).isNull();
    }

    @Test
    void invalidJsonFailsNamingKeyAndFieldOrIsNulled() {
        hset(prefix + "bad", Map.of("name", "x", "profile", "{\"age\": 1,"));
        StepVerifier.create(redis.scanHashes(scan().build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining(prefix + "bad").hasMessageContaining("profile")
                        .hasMessageContaining("not valid JSON"))
                .verify(Duration.ofSeconds(10));
        Map<String, Object> row = rows(scan().onParseError(ParseErrorPolicy.NULL).build()).get(prefix + "bad");
        assertThat(row.get("profile")).isNull();
        assertThat(row.get("name")).isEqualTo("x");
    }

    @Test
    void nestingPastTheDocumentedDepthIsAClearErrorNotAStackOverflow() {
        int depth = io.redisarrow.arrow.internal.json.JsonTypes.MAX_DEPTH + 10;
        String deep = "[".repeat(depth) + "]".repeat(depth);
        hset(prefix + "deep", Map.of("name", "deep", "attrs", "{\"k\":" + deep + "}"));
        Schema schema = new Schema(List.of(field("attrs", ArrowType.Utf8.INSTANCE)));
        StepVerifier.create(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(schema).json("attrs")
                .build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining(prefix + "deep")
                        .hasMessageContaining(Integer.toString(io.redisarrow.arrow.internal.json.JsonTypes.MAX_DEPTH)))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aNestedFieldNotDeclaredJsonIsRejectedWithAHint() {
        assertThatThrownBy(() -> HashScan.builder().schema(SCHEMA).json("profile").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("json(\"scores\")");
        assertThatThrownBy(() -> HashScan.builder().schema(SCHEMA).json("nope").build())
                .hasMessageContaining("'nope'");
        assertThat(HashScan.builder().schema(new Schema(List.of(new Field("p", FieldType.nullable(INT64), null))))
                .json("p").build().jsonFields()).containsExactly("p");
    }
}
