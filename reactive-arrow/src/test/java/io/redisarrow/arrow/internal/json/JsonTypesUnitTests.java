package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.redisarrow.arrow.internal.json.JsonFixtures.FLOAT64;
import static io.redisarrow.arrow.internal.json.JsonFixtures.INT32;
import static io.redisarrow.arrow.internal.json.JsonFixtures.INT64;
import static io.redisarrow.arrow.internal.json.JsonFixtures.UTF8;
import static io.redisarrow.arrow.internal.json.JsonFixtures.field;
import static io.redisarrow.arrow.internal.json.JsonFixtures.list;
import static io.redisarrow.arrow.internal.json.JsonFixtures.map;
import static io.redisarrow.arrow.internal.json.JsonFixtures.notNull;
import static io.redisarrow.arrow.internal.json.JsonFixtures.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which schemas JSON decodes into, which paths are definite, and how nested types read in messages. No vectors. */
class JsonTypesUnitTests {

    @Test
    void theDepthLimitIsAThousandLevels() {
        assertThat(JsonTypes.MAX_DEPTH).isEqualTo(1000);
    }

    @Test
    void acceptsEveryScalarTypeAndStructsListsAndMapsNestedInEachOther() {
        Field field = struct("doc",
                field("s", UTF8), field("bin", ArrowType.Binary.INSTANCE), field("i8", new ArrowType.Int(8, true)),
                field("i64", INT64), field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                field("b", ArrowType.Bool.INSTANCE), field("d", new ArrowType.Date(DateUnit.DAY)),
                field("t", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Oslo")),
                field("dec", new ArrowType.Decimal(38, 10, 128)),
                list("ll", list("item", struct("item", map("m", struct("value", list("xs", field("item", INT32))))))));
        assertThatCode(() -> JsonTypes.checkSupported(field)).doesNotThrowAnyException();
    }

    @Test
    void rejectsUnsupportedTypesNamingTheNestedFieldAndWhatJsonSupports() {
        assertThatThrownBy(() -> JsonTypes.checkSupported(struct("order", struct("address", field("zip", new ArrowType.Int(8, false))))))
                .isInstanceOf(UnsupportedArrowTypeException.class)
                .hasMessageStartingWith("field 'order.address.zip' has Arrow type UInt8, which cannot be decoded from JSON; "
                        + "supported: Utf8, Binary")
                .hasMessageEndingWith("and List<T>, Struct<...> and Map<Utf8, T> of these, nested to any depth");
        assertThatThrownBy(() -> JsonTypes.checkSupported(list("tags", field("item",
                new ArrowType.FloatingPoint(FloatingPointPrecision.HALF)))))
                .hasMessageStartingWith("field 'tags.item' has Arrow type Float16");
        assertThatThrownBy(() -> JsonTypes.checkSupported(field("m", new ArrowType.Map(false),
                notNull("entries", ArrowType.Struct.INSTANCE, notNull("key", INT64), field("value", UTF8)))))
                .hasMessageStartingWith("field 'm' has Arrow type Map<Int64, Utf8>");
        assertThatThrownBy(() -> JsonTypes.checkSupported(map("m", field("value", ArrowType.Null.INSTANCE))))
                .hasMessageStartingWith("field 'm.entries.value' has Arrow type Null");
        assertThatThrownBy(() -> JsonTypes.checkSupported(field("big", ArrowType.LargeUtf8.INSTANCE)))
                .hasMessageStartingWith("field 'big' has Arrow type LargeUtf8");
        assertThatThrownBy(() -> JsonTypes.checkSupported(field("u", new ArrowType.Union(UnionMode.Sparse, new int[0]))))
                .hasMessageStartingWith("field 'u' has Arrow type Union");
        assertThatThrownBy(() -> JsonTypes.checkSupported(field("fixed", new ArrowType.FixedSizeList(2), field("item", INT64))))
                .hasMessageStartingWith("field 'fixed' has Arrow type FixedSizeList<Int64>");
    }

    @ParameterizedTest
    @ValueSource(strings = { "$", "$.a", "$.a.b", "$['a b']", "$[\"a\"]", "$.a[0]", "$.a[-1]", "$['it\\'s']", "$.città",
            "$.items[3].price", "$['b']['p']" })
    void definitePathsSelectAtMostOneValue(String path) {
        assertThat(JsonTypes.isDefinitePath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "$..a", "$.a.*", "$[*]", "$.a[0:2]", "$.a[0,1]", "$.a[?(@.x>1)]", ".a", "a", "", "$.", "$[",
            "$['a'", "$[a]", "$.a[]", "$.a..b", "$['a']x" })
    void everythingElseIsIndefinite(String path) {
        assertThat(JsonTypes.isDefinitePath(path)).isFalse();
    }

    @Test
    void nestedTypesReadWellInMessages() {
        assertThat(Consumers.describe(list("l", field("item", INT64)))).isEqualTo("List<Int64>");
        assertThat(Consumers.describe(struct("s", field("a", INT64), field("b", UTF8)))).isEqualTo("Struct<a: Int64, b: Utf8>");
        assertThat(Consumers.describe(map("m", field("value", FLOAT64)))).isEqualTo("Map<Utf8, Float64>");
        assertThat(Consumers.describe(list("l", struct("item", list("x", field("item", INT32)), map("m", field("value", UTF8))))))
                .isEqualTo("List<Struct<x: List<Int32>, m: Map<Utf8, Utf8>>>");
        assertThat(Consumers.describe(field("d", new ArrowType.Decimal(10, 2, 128)))).isEqualTo("Decimal(10, 2)");
    }
}
