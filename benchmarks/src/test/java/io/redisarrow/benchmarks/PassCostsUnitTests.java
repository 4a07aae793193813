package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

class PassCostsUnitTests {

    private static PassCosts.Pass pass(double wall, long rows, double[] nodes, double client, double proxy, long busy,
            long total) {
        return new PassCosts.Pass(wall, rows, 0, 10, 10 * 500_000L, 600_000L, nodes, client, proxy, busy, total,
                NO_METERS);
    }

    private static final ReadMeters.Reading NO_METERS = new ReadMeters.Reading(0, 0, 0);

    private static PassCosts.Pass metered(long retries, long roundTrips, double roundTripSeconds) {
        return new PassCosts.Pass(1, 10, 0, 1, 1, 1, new double[] { 1 }, 1, 0, 1, 2,
                new ReadMeters.Reading(retries, roundTrips, roundTripSeconds));
    }

    @Test
    void theWarmUpIsLeftOutOfEverySum() {
        PassCosts costs = new PassCosts();
        costs.add(pass(10, 1000, new double[] { 9, 9, 9 }, 9, 9, 900, 1000));
        costs.add(pass(1, 1_000_000, new double[] { 0.2, 0.1, 0.1 }, 1.0, 0.25, 150, 200));
        costs.add(pass(1, 1_000_000, new double[] { 0.2, 0.1, 0.1 }, 1.0, 0.25, 150, 200));

        PassCosts.Totals totals = costs.totals();

        assertThat(totals.redisPercent()).isCloseTo(40, within(1e-9));
        assertThat(totals.busiestPercent()).isCloseTo(20, within(1e-9));
        assertThat(totals.shares()).containsExactly(new double[] { 50, 25, 25 }, within(1e-9));
        assertThat(totals.redisMicrosPerRow()).isCloseTo(0.4, within(1e-9));
        assertThat(totals.clientPercent()).isCloseTo(100, within(1e-9));
        assertThat(totals.proxyPercent()).isCloseTo(25, within(1e-9));
        assertThat(totals.clientMicrosPerRow()).isCloseTo(1.0, within(1e-9));
        assertThat(totals.machinePercent()).isCloseTo(75, within(1e-9));
        assertThat(totals.bytesPerBatch()).isCloseTo(500_000, within(1e-9));
        assertThat(totals.largestBatchBytes()).isCloseTo(600_000, within(1e-9));
    }

    @Test
    void rowsReadAgainAreSummedAndLeftOutOfTheCostPerKey() {
        double[] nodes = { 1.0 };
        PassCosts.Pass warm = new PassCosts.Pass(1, 1_000, 500, 1, 1, 1, nodes, 1, 0, 1, 2, NO_METERS);
        PassCosts.Pass twice = new PassCosts.Pass(1, 1_250_000, 250_000, 1, 1, 1, nodes, 2, 0, 1, 2, NO_METERS);
        PassCosts.Pass once = new PassCosts.Pass(1, 1_000_000, 0, 1, 1, 1, nodes, 2, 0, 1, 2, NO_METERS);

        PassCosts.Totals totals = PassCosts.totals(List.of(warm, twice, once));

        assertThat(totals.rowsAgain()).isEqualTo(250_000);
        assertThat(totals.redisMicrosPerRow()).isCloseTo(1.0, within(1e-9));
        assertThat(totals.clientMicrosPerRow()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aPassWithoutTheMachinesClockMakesTheMachineUnknown() {
        PassCosts.Totals totals = PassCosts.totals(List.of(pass(1, 10, new double[] { 1 }, 1, 0, 1, 2),
                pass(1, 10, new double[] { 1 }, 1, 0, 1, 2), pass(1, 10, new double[] { 1 }, 1, 0, -1, -1)));

        assertThat(totals.machinePercent()).isNaN();
        assertThat(totals.shares()).containsExactly(100.0);
    }

    @Test
    void aWarmUpAloneIsRefused() {
        assertThatThrownBy(() -> PassCosts.totals(List.of(pass(1, 10, new double[] { 1 }, 1, 0, 1, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passes must hold a warm-up and at least one measured pass, held 1");
    }

    @Test
    void retriesAreSummedAndTheRoundTripIsTheMeanOfTheMeasuredPassesOnly() {
        PassCosts.Totals totals = PassCosts.totals(List.of(metered(7, 1, 1.0), metered(2, 100, 0.3),
                metered(1, 300, 0.9)));

        assertThat(totals.retries()).isEqualTo(3);
        assertThat(totals.roundTripMillis()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void withoutRoundTripsTheMeanRoundTripIsUnknown() {
        assertThat(PassCosts.totals(List.of(metered(0, 5, 1), metered(0, 0, 0))).roundTripMillis()).isNaN();
    }
}
