package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningAggregatesUnitTests {

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void nothingLeaks() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    @Test
    void publishesARunningTotalEveryKBatchesAndOnceMoreForTheRest() {
        List<RecordBatch> emitted = new ArrayList<>();
        Flux<RecordBatch> batches = Flux.range(1, 7).map(i -> TestBatches.numbered(allocator, i)).doOnNext(emitted::add);
        List<CityStats> updates = RunningAggregates.every(batches, 3).collectList().block();
        assertThat(updates).extracting(CityStats::users).containsExactly(3L, 6L, 7L);
        assertThat(updates).extracting(stats -> stats.groups().get("City").ageSum())
                .containsExactly(1L + 2 + 3, 1L + 2 + 3 + 4 + 5 + 6, 28L);
        assertThat(emitted).hasSize(7).allMatch(RecordBatch::isClosed);
    }

    @Test
    void closesEveryBatchWhenTheSubscriberStopsEarly() {
        List<RecordBatch> emitted = new ArrayList<>();
        Flux<RecordBatch> batches = Flux.range(1, 50).map(i -> TestBatches.numbered(allocator, i)).doOnNext(emitted::add);
        assertThat(RunningAggregates.every(batches, 2).take(2).collectList().block()).hasSize(2);
        assertThat(emitted).allMatch(RecordBatch::isClosed);
    }

    @Test
    void rejectsAWindowBelowOneBatch() {
        assertThatThrownBy(() -> RunningAggregates.every(Flux.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("everyBatches must be >= 1, was 0");
    }
}
