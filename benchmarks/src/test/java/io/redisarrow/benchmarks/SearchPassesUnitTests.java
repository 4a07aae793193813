package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SearchPassesUnitTests {

    @Test
    void aPassCountsOnlyWhenItReadEveryMatchAndNothingElse() {
        assertThat(SearchPasses.problem(SearchPasses.Pass.complete(993, 0.1), 993, "test", "pass 1")).isNull();
        assertThat(SearchPasses.problem(SearchPasses.Pass.complete(990, 0.1), 993, "test", "pass 1"))
                .isEqualTo("read 990 rows, not 993");
        assertThat(SearchPasses.problem(SearchPasses.Pass.complete(1_000_001, 0.1), 1_000_000, "test", "pass 1"))
                .isEqualTo("read 1,000,001 rows, not 1,000,000");
        assertThat(SearchPasses.problem(SearchPasses.Pass.capped(12, 61), 993, "test", "warm-up"))
                .isEqualTo("> 60 s (stopped)");
        assertThat(SearchPasses.problem(new SearchPasses.Pass(993, 0.2, "cut short"), 993, "test", "pass 2"))
                .as("a stop reason wins even when the count looks right").isEqualTo("cut short");
    }

    @Test
    void aCompleteMeasurementGivesItsRatiosPerMatch() {
        SearchPasses.Timed timed = new SearchPasses.Timed(0.5, 6_000, 900, 3, null);

        assertThat(timed.complete()).isTrue();
        assertThat(timed.cell()).isEqualTo("0.500");
        assertThat(timed.speedUp(2)).isCloseTo(4, within(1e-9));
        assertThat(timed.rowsPerSecond(100)).isCloseTo(200, within(1e-9));
        assertThat(timed.bytesPerMatch(100)).isCloseTo(20, within(1e-9));
        assertThat(timed.microsPerMatch(100)).isCloseTo(3, within(1e-9));
        assertThat(timed.microsPerMatch(0)).as("nothing matched").isNaN();
        assertThat(new SearchPasses.Timed(0.5, -1, -1, 3, null).microsPerMatch(100)).as("cost unknown").isNaN();
    }

    @Test
    void aStoppedMeasurementShowsWhyAndNoNumbers() {
        SearchPasses.Timed timed = new SearchPasses.Timed(Double.NaN, -1, -1, 0, "read 990 rows, not 993");

        assertThat(timed.complete()).isFalse();
        assertThat(timed.cell()).isEqualTo("read 990 rows, not 993");
        assertThat(timed.speedUp(2)).isNaN();
        assertThat(timed.rowsPerSecond(100)).isNaN();
        assertThat(timed.bytesPerMatch(100)).isNaN();
    }

    @Test
    void aScanIsMeasuredPerKeyReadAndPerMatch() {
        SearchPasses.Scanned scanned = new SearchPasses.Scanned(new long[] { 1000, 100, 10 }, 0.5, 3 * 316_000,
                3 * 3_000, 3);

        assertThat(scanned.rowsPerSecond()).isCloseTo(2000, within(1e-9));
        assertThat(scanned.bytesPerMatch(10)).isCloseTo(31_600, within(1e-9));
        assertThat(scanned.microsPerMatch(1000)).isCloseTo(3, within(1e-9));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(SearchPasses.median(new double[] { 3, 1, 2 })).isEqualTo(2);
        assertThat(SearchPasses.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
    }
}
