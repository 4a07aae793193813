package io.redisarrow.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawBatchUnitTests {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(RawBatch batch, int row, int column, byte[] value) {
        int at = batch.reserve(row, column, value.length);
        System.arraycopy(value, 0, batch.data(), at, value.length);
    }

    private static String value(RawBatch batch, int row, int column) {
        int length = batch.valueLength(row, column);
        return length == RawBatch.MISSING ? null
                : new String(batch.data(), batch.valueOffset(row, column), length, StandardCharsets.UTF_8);
    }

    @Test
    void storesKeysValuesAndMissingValuesAndGrowsPastItsSizing() {
        RawBatch batch = new RawBatch(2, 1, true);
        for (int i = 0; i < 100; i++) {
            int row = batch.startRow(bytes("key:" + i));
            put(batch, row, 0, bytes("v" + i + "x".repeat(i)));
            batch.setTtl(row, i);
        }
        assertThat(batch.rowCount()).isEqualTo(100);
        assertThat(new String(batch.key(42), StandardCharsets.UTF_8)).isEqualTo("key:42");
        assertThat(value(batch, 42, 0)).isEqualTo("v42" + "x".repeat(42));
        assertThat(value(batch, 42, 1)).isNull();
        assertThat(batch.ttl(99)).isEqualTo(99);
    }

    @Test
    void retainRowsKeepsOrderAndValues() {
        RawBatch batch = new RawBatch(1, 4, true);
        for (int i = 0; i < 4; i++) {
            int row = batch.startRow(bytes("k" + i));
            put(batch, row, 0, bytes("v" + i));
            batch.setTtl(row, 10 + i);
        }
        batch.retainRows(new boolean[] { false, true, false, true });
        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(new String(batch.key(0), StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(value(batch, 1, 0)).isEqualTo("v3");
        assertThat(batch.ttl(1)).isEqualTo(13);
    }

    @Test
    void truncateKeepsTheFirstRows() {
        RawBatch batch = new RawBatch(0, 3, false);
        batch.startRow(bytes("a"));
        batch.startRow(bytes("b"));
        batch.truncate(1);
        assertThat(batch.rowCount()).isEqualTo(1);
        assertThatThrownBy(() -> batch.truncate(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ttlWithoutTtlsIsAnError() {
        RawBatch batch = new RawBatch(1, 1, false);
        batch.startRow(bytes("a"));
        assertThatThrownBy(() -> batch.ttl(0)).hasMessageContaining("without TTLs");
    }
}
