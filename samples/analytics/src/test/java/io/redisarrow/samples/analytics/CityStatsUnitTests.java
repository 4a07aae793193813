package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CityStatsUnitTests {

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void nothingLeaks() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private CityStats of(String[] cities, Integer[] ages) {
        try (RecordBatch batch = TestBatches.of(allocator, cities, ages)) {
            return CityStats.of(batch);
        }
    }

    @Test
    void countsEveryUserButAveragesOnlyTheAgesGivenAsSqlDoes() {
        CityStats stats = of(new String[] { "Oslo", "Oslo", "Oslo", null, "Rome" },
                new Integer[] { 30, null, 40, 50, null });
        assertThat(stats.rows()).containsExactlyInAnyOrder(
                new CityRow("Oslo", 35.0, 3), new CityRow(null, 50.0, 1), new CityRow("Rome", null, 1));
        assertThat(stats.users()).isEqualTo(5);
    }

    @Test
    void mergeAddsTheGroupsOfBoth() {
        CityStats a = of(new String[] { "Oslo", "Rome" }, new Integer[] { 30, 20 });
        CityStats b = of(new String[] { "Oslo", "Riga" }, new Integer[] { 50, 60 });
        assertThat(a.merge(b).rows()).containsExactlyInAnyOrder(
                new CityRow("Oslo", 40.0, 2), new CityRow("Rome", 20.0, 1), new CityRow("Riga", 60.0, 1));
        assertThat(a.merge(b)).isEqualTo(b.merge(a)).isNotEqualTo(a);
        assertThat(CityStats.EMPTY.merge(a)).isEqualTo(a);
    }

    @Test
    void topOrdersByAverageDescendingThenCityWithNullsLast() {
        CityStats stats = of(new String[] { "Rome", "Oslo", "Riga", null, "Lima", "Kyiv" },
                new Integer[] { 40, 40, 70, 40, null, 10 });
        assertThat(stats.top(10)).extracting(CityRow::city).containsExactly("Riga", "Oslo", "Rome", null, "Kyiv", "Lima");
        assertThat(stats.top(2)).extracting(CityRow::city).containsExactly("Riga", "Oslo");
    }

    @Test
    void rowsMatchWithinTheAverageToleranceOnly() {
        CityRow row = new CityRow("Oslo", 35.0, 3);
        assertThat(row.matches(new CityRow("Oslo", 35.0 + 1e-12, 3))).isTrue();
        assertThat(row.matches(new CityRow("Oslo", 35.001, 3))).isFalse();
        assertThat(row.matches(new CityRow("Oslo", 35.0, 4))).isFalse();
        assertThat(row.matches(new CityRow("Rome", 35.0, 3))).isFalse();
        assertThat(row.matches(new CityRow("Oslo", null, 3))).isFalse();
        assertThat(new CityRow(null, null, 1).matches(new CityRow(null, null, 1))).isTrue();
    }

    @Test
    void anAggregateOfADifferentUserDiffers() {
        assertThat(of(new String[] { "Oslo" }, new Integer[] { 30 }))
                .isNotEqualTo(of(new String[] { "Oslo" }, new Integer[] { 31 }))
                .isEqualTo(of(new String[] { "Oslo" }, new Integer[] { 30 }));
        assertThat(List.of(CityStats.EMPTY.users())).containsExactly(0L);
    }
}
