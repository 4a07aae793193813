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
        batch.copyValue(row, column, value, 0, value.length);
    }

    private static String value(RawBatch batch, int row, int column) {
        int length = batch.valueLength(row, column);
        return length == RawBatch.MISSING ? null
                : new String(batch.data(), batch.valueOffset(row, column), length, StandardCharsets.UTF_8);
    }

    @Test
    void rowsOfOneKeyShareItsBytesAndKeepTheirOwnValues() {
        RawBatch batch = new RawBatch(1, 4, 64, false);
        put(batch, batch.startRow(bytes("list:a")), 0, bytes("x"));
        int second = batch.startRowWithPreviousKey();
        put(batch, second, 0, bytes("y"));
        put(batch, batch.startRow(bytes("list:b")), 0, bytes("z"));
        assertThat(batch.keyOffset(second)).isEqualTo(batch.keyOffset(0));
        assertThat(new String(batch.key(1), StandardCharsets.UTF_8)).isEqualTo("list:a");
        assertThat(new String(batch.key(2), StandardCharsets.UTF_8)).isEqualTo("list:b");
        assertThat(value(batch, 0, 0)).isEqualTo("x");
        assertThat(value(batch, 1, 0)).isEqualTo("y");
        assertThat(batch.dataSize()).as("the key's bytes once").isEqualTo(6 + 1 + 1 + 6 + 1);
        assertThatThrownBy(() -> new RawBatch(1, 1, false).startRowWithPreviousKey())
                .isInstanceOf(IllegalStateException.class);
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

    @Test
    void rawBytesPastTheLimitFailNamingTheKeyInsteadOfOverflowing() {
        RawBatch batch = new RawBatch(1, 2, false, 64);
        batch.startRow(bytes("user:1"));
        int second = batch.startRow(bytes("user:\u00e9\n"));
        assertThatThrownBy(() -> batch.copyValue(second, 0, new byte[60], 0, 60))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessage("the raw values of one batch exceed 64 bytes (the largest Java array) at key "
                        + "'user:\\xc3\\xa9\\x0a'; lower batchSize or project fewer fields");
    }

    @Test
    void moreValueSlotsThanAnArrayHoldsFailAtOnce() {
        assertThatThrownBy(() -> new RawBatch(20_000, 200_000, false))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessage("a batch of 200000 rows x 20000 columns has more than 2147483639 values (one Java array); "
                        + "lower batchSize or project fewer fields");
    }

    @Test
    void theInitialDataArrayIsCappedAndGrowsOnDemand() {
        RawBatch batch = new RawBatch(1, 100_000, false);
        assertThat(batch.data().length).isEqualTo(1 << 20);
    }
}
