package io.redisarrow.arrow;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The options of {@link SetScan}, {@link ListScan} and {@link SortedSetScan} without a server:
 * defaults, the one-field schema, the extra columns and their order, and the checks.
 */
class CollectionScanUnitTests {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static List<String> names(Schema schema) {
        return schema.getFields().stream().map(Field::getName).toList();
    }

    @Test
    void defaultsToAUtf8ElementColumnNamedAfterTheType() {
        Field member = field("member", ArrowType.Utf8.INSTANCE);
        assertThat(SetScan.builder().build().schema()).isEqualTo(new Schema(List.of(member)));
        assertThat(SortedSetScan.builder().build().schema()).isEqualTo(new Schema(List.of(member)));
        assertThat(ListScan.builder().build().schema()).isEqualTo(new Schema(List.of(field("element",
                ArrowType.Utf8.INSTANCE))));
        assertThat(names(SetScan.builder().build().batchSchema())).containsExactly("_key", "member");
        assertThat(names(ListScan.builder().build().batchSchema())).containsExactly("_key", "element", "_position");
        SortedSetScan zset = SortedSetScan.builder().build();
        assertThat(names(zset.batchSchema())).containsExactly("_key", "member", "_score");
        assertThat(zset.scoreType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        assertThat(zset.oneRowPerKey()).isFalse();
        assertThat(zset.batchSize()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE);
        assertThat(zset.typeFilter()).isEqualTo(HashScan.DEFAULT_TYPE_FILTER);
    }

    @Test
    void columnsComeRowIndexKeyTtlElementThenPositionOrScore() {
        ListScan list = ListScan.builder().rowIndexColumn("i").ttlColumn("t").keyColumn("k").positionColumn("p")
                .schema(new Schema(List.of(field("v", INT64)))).build();
        assertThat(names(list.batchSchema())).containsExactly("i", "k", "t", "v", "p");
        assertThat(list.batchSchema().findField("p").getFieldType()).isEqualTo(FieldType.notNullable(INT64));
        SortedSetScan zset = SortedSetScan.builder().rowIndexColumn("i").ttlColumn("t").noKeyColumn().scoreColumn("s")
                .build();
        assertThat(names(zset.batchSchema())).containsExactly("i", "t", "member", "s");
        assertThat(names(SetScan.builder().rowIndexColumn("i").oneRowPerKey().build().batchSchema()))
                .containsExactly("i", "_key", "member");
    }

    @Test
    void aSchemaMustHaveExactlyOneScalarField() {
        assertThatThrownBy(() -> SetScan.builder().schema(new Schema(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one field")
                .hasMessageContaining("none");
        assertThatThrownBy(() -> ListScan.builder().schema(new Schema(List.of(field("a", INT64), field("b", INT64)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one field")
                .hasMessageContaining("each element").hasMessageContaining("2: [a, b]");
        Field nested = new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(field("item", INT64)));
        assertThatThrownBy(() -> SortedSetScan.builder().schema(new Schema(List.of(nested))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tags'")
                .hasMessageContaining("List<Int64>").hasMessageContaining("nested").hasMessageContaining("oneRowPerKey()");
        assertThatThrownBy(() -> SetScan.builder().schema(new Schema(List.of(field("u", new ArrowType.Int(32, false))))))
                .isInstanceOf(UnsupportedArrowTypeException.class).hasMessageContaining("'u'")
                .hasMessageContaining("UInt32");
    }

    @Test
    void theScoreIsFloat64Int64OrDecimal() {
        assertThat(SortedSetScan.builder().scoreColumn("s", INT64).build().scoreType()).isEqualTo(INT64);
        ArrowType decimal = new ArrowType.Decimal(20, 4, 128);
        assertThat(SortedSetScan.builder().scoreColumn("s", decimal).build().batchSchema().findField("s").getType())
                .isEqualTo(decimal);
        assertThat(SortedSetScan.builder().scoreColumn("s", INT64).scoreColumn("renamed").build().scoreType())
                .as("renaming keeps the type").isEqualTo(INT64);
        for (ArrowType wrong : List.of(ArrowType.Utf8.INSTANCE, new ArrowType.Int(32, true),
                new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), new ArrowType.Decimal(20, 4, 256))) {
            assertThatThrownBy(() -> SortedSetScan.builder().scoreColumn("s", wrong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Float64, Int64 or Decimal");
        }
        assertThatThrownBy(() -> SortedSetScan.builder().scoreColumn("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListScan.builder().positionColumn("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnNamesMustNotCollide() {
        assertThatThrownBy(() -> SetScan.builder().schema(new Schema(List.of(field("_key", INT64)))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_key'");
        assertThatThrownBy(() -> ListScan.builder().positionColumn("element").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'element'");
        assertThatThrownBy(() -> SortedSetScan.builder().scoreColumn("member").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'member'");
        assertThatThrownBy(() -> SortedSetScan.builder().scoreColumn("member").oneRowPerKey().build())
                .as("the struct's children need distinct names").isInstanceOf(IllegalArgumentException.class);
        // with one row per key a list has no position column, so its name cannot collide
        ListScan grouped = ListScan.builder().positionColumn("element").oneRowPerKey().build();
        assertThat(grouped.positionColumn()).isEmpty();
        assertThat(names(grouped.batchSchema())).containsExactly("_key", "element");
    }

    @Test
    void describesItself() {
        assertThat(SortedSetScan.builder().pattern("z:*").oneRowPerKey().scoreColumn("s", INT64).build().toString())
                .contains("SortedSetScan{", "pattern='z:*'", "oneRowPerKey=true", "scoreColumn=s", "Int64");
        assertThat(ListScan.builder().noPositionColumn().build().toString()).contains("ListScan{", "positionColumn=null");
        assertThat(SetScan.builder().build().toString()).contains("SetScan{", "member");
    }
}
