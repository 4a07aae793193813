package io.redisarrow.arrow;

import io.redisarrow.core.CollectionValues;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stream read's options without a server: defaults, what the Redis side is asked, the columns
 * announced, and every argument mistake refused at once with a message naming the option.
 */
class StreamScanUnitTests {

    static final Schema SCHEMA = new Schema(List.of(
            new Field("a", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("b", FieldType.nullable(new ArrowType.Int(64, true)), null)));

    static final String MAX = "18446744073709551615";

    static CollectionValues values(StreamScan scan) {
        return (CollectionValues) scan.read().values();
    }

    @Test
    void defaultsAreThePublishedConstants() {
        StreamScan scan = StreamScan.builder().schema(SCHEMA).build();
        assertThat(scan.pattern()).isEqualTo(HashScan.DEFAULT_PATTERN);
        assertThat(scan.batchSize()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE);
        assertThat(scan.parallel()).isEqualTo(HashScan.DEFAULT_PARALLEL);
        assertThat(scan.typeFilter()).isEqualTo(StreamScan.DEFAULT_TYPE_FILTER);
        assertThat(scan.idColumns()).isEqualTo(StreamScan.DEFAULT_ID_COLUMNS);
        assertThat(scan.idTimeColumn()).isEqualTo("_id_ms");
        assertThat(scan.idSequenceColumn()).isEqualTo(StreamIdColumns.DEFAULT_SEQUENCE_COLUMN).isEqualTo("_id_seq");
        assertThat(scan.start()).isEqualTo(StreamScan.DEFAULT_START).isEqualTo("-");
        assertThat(scan.end()).isEqualTo(StreamScan.DEFAULT_END).isEqualTo("+");
        assertThat(scan.countPerKey()).isEqualTo(StreamScan.DEFAULT_COUNT_PER_KEY).isEqualTo(Long.MAX_VALUE);
        assertThat(scan.jsonFields()).isEmpty();
        assertThat(scan.keyColumn()).contains(HashScan.DEFAULT_KEY_COLUMN);
        assertThat(StreamIdColumns.TIMESTAMP_AND_SEQUENCE.defaultTimeColumn()).isEqualTo("_id_time");
    }

    @Test
    void theRedisSideFollowsTheOptions() {
        StreamScan scan = StreamScan.builder().schema(SCHEMA).pattern("events:*").project("b").after("5-1")
                .before("9").countPerKey(100).ttlColumn("_ttl").build();
        CollectionValues values = values(scan);
        assertThat(values.kind()).isEqualTo(CollectionValues.Kind.STREAM);
        assertThat(values.keyType()).isEqualTo("stream");
        assertThat(values.fields()).extracting(f -> new String(f, StandardCharsets.UTF_8)).containsExactly("b");
        assertThat(values.columnCount()).isEqualTo(3);
        assertThat(values.start()).isEqualTo("(5-1");
        assertThat(values.end()).isEqualTo("(9");
        assertThat(values.countPerKey()).isEqualTo(100);
        assertThat(scan.read().withTtl()).isTrue();
        assertThat(scan.read().pattern()).isEqualTo("events:*");
        assertThat(values(StreamScan.builder().schema(SCHEMA).range("1", "(2-3").build()).start()).isEqualTo("1");
        assertThat(values(StreamScan.builder().schema(SCHEMA).range("1", "(2-3").after("0").build()).start())
                .isEqualTo("(0");
    }

    @Test
    void theIdColumnsComeAfterKeyAndTtlAndBeforeTheFields() {
        Schema numbers = StreamScan.builder().schema(SCHEMA).rowIndexColumn("_i").ttlColumn("_ttl").build()
                .batchSchema();
        assertThat(numbers.getFields()).extracting(Field::getName)
                .containsExactly("_i", "_key", "_ttl", "_id_ms", "_id_seq", "a", "b");
        assertThat(numbers.findField("_id_ms").getType()).isEqualTo(new ArrowType.Int(64, true));
        assertThat(numbers.findField("_id_ms").isNullable()).as("an id part may not fit (NULL policy)").isTrue();

        Schema times = StreamScan.builder().schema(SCHEMA).idColumns(StreamIdColumns.TIMESTAMP_AND_SEQUENCE)
                .idColumnNames("at", "seq").noKeyColumn().project("b").build().batchSchema();
        assertThat(times.getFields()).extracting(Field::getName).containsExactly("at", "seq", "b");
        assertThat(times.findField("at").getType()).isEqualTo(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));
        assertThat(times.findField("seq").getType()).isEqualTo(new ArrowType.Int(64, true));
    }

    @Test
    void rangeBoundsFollowXrangeAndAreCheckedAtOnce() {
        StreamScan.Builder builder = StreamScan.builder().schema(SCHEMA);
        for (String start : List.of("-", "0", "0-0", "1700000000000-3", "(5", "(5-5", MAX, MAX + "-" + MAX,
                "(" + MAX + "-0", "00001-02")) {
            builder.range(start, "+");
        }
        for (String end : List.of("+", "0", "0-1", "(0-1", "(0", MAX + "-" + MAX, "(" + MAX + "-" + MAX)) {
            builder.range("-", end);
        }
        assertThatThrownBy(() -> builder.range("+", "+")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("range start must be '-', a stream id such as 1700000000000-0")
                .hasMessageEndingWith("was '+'");
        assertThatThrownBy(() -> builder.range("-", "-")).hasMessageStartingWith("range end must be '+'")
                .hasMessageEndingWith("was '-'");
        for (String bad : List.of("", "abc", "1-", "-1", "1-2-3", "1.5", " 1", "((1", "(", "(-", "1-x", "+1",
                "18446744073709551616", "1-18446744073709551616", "000000000000000000001", "１２")) {
            assertThatThrownBy(() -> builder.range(bad, "+")).as("start '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("was '" + bad + "'");
            assertThatThrownBy(() -> builder.range("-", bad)).as("end '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("was '" + bad + "'");
        }
        assertThatThrownBy(() -> builder.range("(" + MAX + "-" + MAX, "+"))
                .hasMessageContaining("range start excludes the largest possible stream id");
        assertThatThrownBy(() -> builder.after(MAX + "-" + MAX)).hasMessageContaining("after excludes the largest");
        assertThatThrownBy(() -> builder.range("-", "(0-0")).hasMessageContaining("range end excludes the smallest");
        assertThatThrownBy(() -> builder.before("00-000")).hasMessageContaining("before excludes the smallest");
        assertThatThrownBy(() -> builder.after("(5")).hasMessageStartingWith("after must be a stream id")
                .hasMessageEndingWith("was '(5'");
        assertThatThrownBy(() -> builder.before("+")).hasMessageStartingWith("before must be a stream id");
        assertThatThrownBy(() -> builder.after("-")).hasMessageStartingWith("after must be a stream id");
        assertThatThrownBy(() -> builder.range(null, "+")).isInstanceOf(NullPointerException.class)
                .hasMessage("range start must not be null");
        assertThatThrownBy(() -> builder.after(null)).hasMessage("after must not be null");
        // a refused bound leaves the range as it was
        StreamScan scan = builder.range("3", "4").build();
        assertThatThrownBy(() -> builder.range("5", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.build().start()).isEqualTo(scan.start()).isEqualTo("3");
    }

    @Test
    void otherArgumentMistakesFailAtOnceNamingTheOption() {
        StreamScan.Builder builder = StreamScan.builder().schema(SCHEMA);
        assertThatThrownBy(() -> builder.countPerKey(0)).hasMessage("countPerKey must be >= 1, was 0");
        assertThatThrownBy(() -> builder.idColumns(null)).hasMessage("idColumns must not be null");
        assertThatThrownBy(() -> builder.idColumnNames("t", "t")).hasMessage("idColumnNames must differ, both were 't'");
        assertThatThrownBy(() -> builder.idColumnNames("", "s")).hasMessageStartingWith("idColumnNames must not be empty");
        assertThatThrownBy(() -> builder.idColumnNames("t", null)).hasMessage("idColumnNames sequence must not be null");
        assertThatThrownBy(() -> StreamScan.builder().build()).hasMessage("schema must be set");
        assertThatThrownBy(() -> StreamScan.builder().schema(SCHEMA).idColumnNames("a", "s").build())
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> StreamScan.builder().schema(SCHEMA).keyColumn("_id_seq").build())
                .hasMessageContaining("'_id_seq' is used twice");
        assertThatThrownBy(() -> StreamScan.builder().schema(SCHEMA).ttlColumn("_id_time")
                .idColumns(StreamIdColumns.TIMESTAMP_AND_SEQUENCE).build()).hasMessageContaining("'_id_time' is used twice");
        // a projection frees the names it leaves out
        assertThat(StreamScan.builder().schema(SCHEMA).project("b").idColumnNames("a", "s").build().batchSchema()
                .getFields()).extracting(Field::getName).containsExactly("_key", "a", "s", "b");
        assertThatThrownBy(() -> StreamScan.builder().schema(SCHEMA).json("zz").build())
                .hasMessageContaining("json must name schema fields; 'zz'");
        Schema nested = new Schema(List.of(new Field("doc", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(new Field("x", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)))));
        assertThatThrownBy(() -> StreamScan.builder().schema(nested).build())
                .hasMessage("field 'doc' is Struct: declare json(\"doc\") to decode it from the JSON text the entry field"
                        + " holds");
        assertThat(StreamScan.builder().schema(nested).json("doc").build().jsonFields()).containsExactly("doc");
        Schema unsigned = new Schema(List.of(new Field("u", FieldType.nullable(new ArrowType.Int(64, false)), null)));
        assertThatThrownBy(() -> StreamScan.builder().schema(unsigned).build())
                .isInstanceOf(UnsupportedArrowTypeException.class);
    }

    @Test
    void toStringShowsTheStreamOptions() {
        assertThat(StreamScan.builder().schema(SCHEMA).after("1-1").countPerKey(5).build().toString())
                .contains("StreamScan{").contains("range=(1-1..+").contains("countPerKey=5")
                .contains("idColumns=MILLIS_AND_SEQUENCE(_id_ms, _id_seq)");
    }
}
