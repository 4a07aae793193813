package io.redisarrow.core.internal.plan;

import io.redisarrow.core.HashValues;
import io.redisarrow.core.ReadRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanUnitTests {

    static ReadRequest.Builder request() {
        return ReadRequest.builder().values(HashValues.of(List.of("a"), false)).batchSize(1000).parallel(4);
    }

    @Test
    void anUnlimitedReadUsesTheRequestedSizes() {
        assertThat(BatchPlan.of(request().build())).isEqualTo(new BatchPlan(1000, 4, 4000));
    }

    @Test
    void aSmallLimitCapsTheBatchTheRoundTripsInFlightAndTheChosenCount() {
        assertThat(BatchPlan.of(request().limit(10).build())).isEqualTo(new BatchPlan(10, 1, 10));
    }

    @Test
    void aLimitOfSomeBatchesCapsOnlyWhatItCanFill() {
        assertThat(BatchPlan.of(request().limit(2500).build())).isEqualTo(new BatchPlan(1000, 3, 2500));
    }

    @Test
    void theChosenCountNeverDropsBelowRedisDefault() {
        assertThat(BatchPlan.of(request().limit(3).build())).isEqualTo(new BatchPlan(3, 1, BatchPlan.MIN_COUNT));
    }

    @Test
    void aCountTheUserSetIsKept() {
        assertThat(BatchPlan.of(request().limit(10).countHint(500).build())).isEqualTo(new BatchPlan(10, 1, 500));
    }

    @Test
    void aZeroLimitStillPlansAValidShape() {
        assertThat(BatchPlan.of(request().limit(0).build())).isEqualTo(new BatchPlan(1, 1, BatchPlan.MIN_COUNT));
    }
}
