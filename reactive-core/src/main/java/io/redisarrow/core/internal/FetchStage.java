package io.redisarrow.core.internal;

import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Turns a batch of keys into their values with one pipelined round trip. One implementation per
 * Redis type (hashes today; strings, JSON, sets, lists, sorted sets and streams plug in here).
 * Keys that are gone or of another type by the time they are fetched yield no row.
 */
interface FetchStage {

    /**
     * @param keys the keys of this batch, in order
     * @return the batch's rows, in key order, emitted once the round trip is complete
     */
    Mono<RawBatch> fetch(List<byte[]> keys);
}
