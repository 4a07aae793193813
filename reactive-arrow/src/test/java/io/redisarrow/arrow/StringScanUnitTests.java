package io.redisarrow.arrow;

import io.redisarrow.core.StringValues;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.redisarrow.arrow.JsonScanIntegrationTests.field;
import static io.redisarrow.arrow.JsonScanIntegrationTests.list;
import static io.redisarrow.arrow.JsonScanIntegrationTests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The options of a string scan, with no server: the defaults, the one-field schema rule, which
 * value types decode (and which as JSON text), and the Redis side the options make.
 */
class StringScanUnitTests {

    static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    @Test
    void defaultsAreThePublishedConstants() {
        StringScan scan = StringScan.builder().build();
        assertThat(scan.schema()).isEqualTo(StringScan.DEFAULT_SCHEMA);
        assertThat(scan.valueColumn()).isEqualTo(StringScan.DEFAULT_VALUE_COLUMN).isEqualTo("value");
        assertThat(scan.schema().getFields().get(0).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        assertThat(scan.json()).isFalse();
        assertThat(scan.typeFilter()).isEqualTo(StringScan.DEFAULT_TYPE_FILTER).isEqualTo(TypeFilter.ALWAYS);
        assertThat(scan.pattern()).isEqualTo(HashScan.DEFAULT_PATTERN);
        assertThat(scan.batchSize()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE);
        assertThat(scan.parallel()).isEqualTo(HashScan.DEFAULT_PARALLEL);
        assertThat(scan.keyColumn()).contains(HashScan.DEFAULT_KEY_COLUMN);
        assertThat(scan.parseErrorPolicy()).isEqualTo(HashScan.DEFAULT_PARSE_ERROR_POLICY);
        assertThat(scan.limit()).isEqualTo(Long.MAX_VALUE);
        assertThat(scan.ttlColumn()).isEmpty();
        assertThat(scan.batchSchema().getFields()).extracting(Field::getName).containsExactly("_key", "value");
    }

    @Test
    void theRedisSideReadsWholeStringsAsTheOptionsSay() {
        StringScan scan = StringScan.builder().pattern("price:*").batchSize(10).countHint(20).parallel(3).limit(5)
                .ttlColumn("_ttl").typeFilter(TypeFilter.AUTO).build();
        assertThat(scan.read().values()).isSameAs(StringValues.of());
        assertThat(scan.read().values().keyType()).isEqualTo("string");
        assertThat(scan.read().values().columnCount()).isEqualTo(1);
        assertThat(scan.read().pattern()).isEqualTo("price:*");
        assertThat(scan.read().withTtl()).isTrue();
        assertThat(scan.read().limit()).isEqualTo(5);
        assertThat(scan.read().typeFilter()).isEqualTo(TypeFilter.AUTO);
        assertThat(StringScan.builder().typeFilter(false).build().typeFilter()).isEqualTo(TypeFilter.NEVER);
        assertThat(scan.toString()).contains("valueColumn=value").contains("pattern='price:*'");
    }

    @Test
    void theSchemaHasExactlyOneField() {
        assertThatThrownBy(() -> StringScan.builder().schema(new Schema(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a string scan's schema must have exactly one field, the value column; got 0");
        assertThatThrownBy(() -> StringScan.builder().schema(of(field("a", ArrowType.Utf8.INSTANCE),
                field("b", ArrowType.Utf8.INSTANCE)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a string scan's schema must have exactly one field, the value column; got 2: [a, b]");
        assertThatThrownBy(() -> StringScan.builder().schema(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("schema must not be null");
        assertThat(StringScan.builder().schema(of(field("price", new ArrowType.Decimal(10, 2, 128)))).build()
                .valueColumn()).isEqualTo("price");
    }

    @Test
    void nestedColumnsDecodeTheValueAsJsonAndUndecodableTypesAreRejected() {
        assertThat(StringScan.builder().schema(of(field("s", ArrowType.Struct.INSTANCE, field("a", ArrowType.Utf8.INSTANCE))))
                .build().json()).isTrue();
        assertThat(StringScan.builder().schema(of(list("l", field("item", new ArrowType.Int(64, true))))).build().json())
                .isTrue();
        assertThat(StringScan.builder().schema(of(map("m", ArrowType.Utf8.INSTANCE))).build().json()).isTrue();
        assertThat(StringScan.builder().schema(of(field("b", ArrowType.Binary.INSTANCE))).build().json()).isFalse();
        assertThatThrownBy(() -> StringScan.builder().schema(of(field("u", new ArrowType.Int(32, false)))).build())
                .isInstanceOf(UnsupportedArrowTypeException.class).hasMessageContaining("'u'");
        assertThatThrownBy(() -> StringScan.builder().schema(of(list("l", field("item", new ArrowType.Int(8, false)))))
                .build()).isInstanceOf(UnsupportedArrowTypeException.class).hasMessageContaining("l.item");
    }

    @Test
    void theValueColumnMustNotCollideWithTheOtherColumns() {
        assertThatThrownBy(() -> StringScan.builder().schema(of(field("_key", ArrowType.Utf8.INSTANCE))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column names must be distinct; '_key'");
        assertThatThrownBy(() -> StringScan.builder().ttlColumn("value").build())
                .hasMessageContaining("column names must be distinct; 'value'");
        assertThat(StringScan.builder().schema(of(field("_key", ArrowType.Utf8.INSTANCE))).noKeyColumn().build()
                .batchSchema().getFields()).extracting(Field::getName).containsExactly("_key");
    }
}
