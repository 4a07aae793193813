package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class JsonSearchScenarioUnitTests {

    @Test
    void theFilterReadsEachBalanceInHundredthsAsStored() {
        try (BufferAllocator allocator = new RootAllocator();
                DecimalVector balance = new DecimalVector("balance", allocator, 12, 2)) {
            String[] values = { "0.00", "999.99", "1000.00", "99999.99", "-12.34", "9999999999.99" };
            balance.allocateNew(values.length);
            for (int i = 0; i < values.length; i++) {
                balance.setSafe(i, new BigDecimal(values[i]));
            }
            balance.setValueCount(values.length);

            long[] cents = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                cents[i] = JsonSearchScenario.cents(balance, i);
            }

            assertThat(cents).containsExactly(0, 99_999, 100_000, 9_999_999, -1_234, 999_999_999_999L);
        }
    }

    @Test
    void theNoteSaysWhyTheDocumentsAreCopiedIntoDatabaseZero() {
        String note = JsonSearchScenario.note(new Bench("redis://127.0.0.1:6379", 1000, 1, null, null));

        assertThat(note).contains("loaded into database 0", "Cannot create index on db != 0",
                "`FT.CREATE bench:jidx ON JSON PREFIX 1 bench:doc: SCHEMA $.balance AS balance NUMERIC`",
                "one pipelined `JSON.GET key $` per key", "Median seconds of 1 measured pass after one warm-up");
    }

    @Test
    void aRowOfTheJsonTableHasEveryColumn() {
        Table table = JsonSearchScenario.table(1000);
        SearchPasses.Scanned scanned = new SearchPasses.Scanned(new long[] { 1000, 100, 10 }, 0.5, 1, 1, 1);

        table.row(JsonSearchScenario.row(1000, 0, scanned, new SearchPasses.Timed(0.25, 1, 1, 1, null)));

        assertThat(table.title()).isEqualTo("Search over JSON: redis-arrow search vs scanJson + filter, 1,000 documents");
        assertThat(table.number(0, "speedup_cursor")).isEqualTo(2);
        assertThat(table.number(0, "cursor_x_scan_rate")).isEqualTo(2);
        assertThat(table.number(0, "cursor_rows_per_s")).isEqualTo(4000);
    }
}
