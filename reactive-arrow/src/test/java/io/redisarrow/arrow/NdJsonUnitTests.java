package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows as NDJSON: every type's JSON form, explicit nulls, escaping of whatever a string holds,
 * base64 for bytes, and every batch closed.
 */
class NdJsonUnitTests extends AllocatorTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("i", new ArrowType.Int(32, true)),
            Field.nullable("f", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("b", ArrowType.Bool.INSTANCE),
            Field.nullable("d", new ArrowType.Date(DateUnit.DAY)),
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
            Field.nullable("dec", new ArrowType.Decimal(10, 2, 128)),
            Field.nullable("wide", new ArrowType.Decimal(38, 0, 128)),
            Field.nullable("bin", ArrowType.Binary.INSTANCE)));

    RecordBatch batch() {
        return TestBatches.of(allocator, SCHEMA,
                new Object[] { "a\"b\\c\n\u0001é😀", -7, 0.1, true, 19_724, 1_704_103_200_120L, new BigDecimal("-0.10"),
                        new BigDecimal("12345678901234567890123456789"), new byte[] { 0, 1, (byte) 0xff } },
                new Object[] { "k2", null, Double.NaN, null, null, null, null, null, null },
                new Object[] { "k3", Integer.MIN_VALUE, Double.NEGATIVE_INFINITY, false, -1, 0L, new BigDecimal("0.00"),
                        BigDecimal.ZERO, new byte[0] });
    }

    static final String ROW_1 = "{\"_key\":\"a\\\"b\\\\c\\n\\u0001é😀\",\"i\":-7,\"f\":0.1,\"b\":true,\"d\":\"2024-01-02\","
            + "\"ts\":\"2024-01-01T10:00:00.120Z\",\"dec\":-0.10,\"wide\":\"12345678901234567890123456789\",\"bin\":\"AAH/\"}";

    static final String ROW_2 = "{\"_key\":\"k2\",\"i\":null,\"f\":\"nan\",\"b\":null,\"d\":null,\"ts\":null,\"dec\":null,"
            + "\"wide\":null,\"bin\":null}";

    static final String ROW_3 = "{\"_key\":\"k3\",\"i\":-2147483648,\"f\":\"-inf\",\"b\":false,\"d\":\"1969-12-31\","
            + "\"ts\":\"1970-01-01T00:00:00.000Z\",\"dec\":0.00,\"wide\":\"0\",\"bin\":\"\"}";

    @Test
    void writesOneObjectPerRowWithEveryTypesJsonForm() {
        RecordBatch first = batch();
        RecordBatch second = batch();
        List<ByteBuffer> chunks = NdJson.write(Flux.just(first, second)).collectList().block();
        assertThat(first.isClosed()).isTrue();
        assertThat(second.isClosed()).isTrue();
        assertThat(chunks).hasSize(2);
        String text = StandardCharsets.UTF_8.decode(chunks.get(0)).toString();
        assertThat(text).isEqualTo(ROW_1 + "\n" + ROW_2 + "\n" + ROW_3 + "\n");
    }

    @Test
    void rowsOfOneBatchForOneMessagePerRow() {
        try (RecordBatch batch = batch()) {
            List<String> rows = new ArrayList<>();
            NdJson.rows(batch).forEach(row -> rows.add(new String(row, StandardCharsets.UTF_8)));
            assertThat(rows).containsExactly(ROW_1, ROW_2, ROW_3);
            assertThat(batch.isClosed()).isFalse();
        }
    }

    @Test
    void cancelClosesWhatTheWriterHeld() {
        List<RecordBatch> made = new ArrayList<>();
        Flux<RecordBatch> many = Flux.range(0, 50).map(i -> {
            RecordBatch batch = batch();
            made.add(batch);
            return batch;
        });
        assertThat(NdJson.write(many).take(2).count().block()).isEqualTo(2);
        assertThat(made).allMatch(RecordBatch::isClosed);
    }
}
