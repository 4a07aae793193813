package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import reactor.core.publisher.Flux;

/**
 * Async analytics in plain Reactor: running aggregates per city, published every few batches while
 * the scan is still reading. Each batch is reduced to its own small {@link CityStats} and closed at
 * once ({@code map}), so no operator downstream ever holds Arrow memory; {@code window} groups the
 * per-batch aggregates, {@code reduce} sums a window, {@code scan} adds each window to the running
 * total. The last element is the aggregate of the whole scan.
 */
final class RunningAggregates {

    private RunningAggregates() {
    }

    /**
     * @param batches the users' batches (city and age columns)
     * @param everyBatches how many batches each update covers, {@code >= 1}
     * @return the running aggregate after every {@code everyBatches} batches, and after the last one
     */
    static Flux<CityStats> every(Flux<RecordBatch> batches, int everyBatches) {
        if (everyBatches < 1) {
            throw new IllegalArgumentException("everyBatches must be >= 1, was " + everyBatches);
        }
        return batches
                .map(batch -> {
                    try (batch) {
                        return CityStats.of(batch);
                    }
                })
                .window(everyBatches)
                .concatMap(window -> window.reduce(CityStats::merge))
                .scan(CityStats::merge);
    }
}
