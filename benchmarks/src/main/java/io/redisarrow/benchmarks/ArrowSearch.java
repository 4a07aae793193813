package io.redisarrow.benchmarks;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.benchmarks.json.JsonDocs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search path with redis-arrow: {@link RedisArrow#search(SearchQuery)} with its defaults over
 * the benchmark's index, every batch closed as it arrives, as a streaming subscriber does. The
 * query's cursor yields the matched keys page by page; each batch of keys is fetched like a scan's
 * (HGETALL per hash, JSON.GET per document), so the rows hold the same columns as the scan's.
 */
final class ArrowSearch {

    private ArrowSearch() {
    }

    /**
     * @param index the index over the benchmark hashes
     * @param match the selectivity
     * @return the search: every field of {@link BenchData#SCHEMA} of each matched hash
     */
    static SearchQuery hashes(String index, SearchMatch match) {
        return SearchQuery.builder().index(index).query(match.query()).schema(BenchData.SCHEMA).build();
    }

    /**
     * @param index the index over the benchmark documents
     * @param match the selectivity
     * @return the search: each matched document whole ({@code JSON.GET key $}) into {@link JsonDocs#SCHEMA}
     */
    static SearchQuery documents(String index, SearchMatch match) {
        return SearchQuery.builder().index(index).query(match.query()).schema(JsonDocs.SCHEMA).build();
    }

    /**
     * Reads every match, or stops after {@code capNanos} (checked as batches arrive).
     *
     * @param redis the client
     * @param query what to read
     * @param capNanos the longest the pass may run
     * @return the rows read and how long it took
     */
    static SearchPasses.Pass read(RedisArrow redis, SearchQuery query, long capNanos) {
        long start = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        AtomicBoolean capped = new AtomicBoolean();
        redis.search(query).doOnNext(batch -> {
            try (RecordBatch held = batch) {
                rows.addAndGet(held.rowCount());
            }
        }).takeUntil(batch -> {
            capped.set(System.nanoTime() - start > capNanos);
            return capped.get();
        }).blockLast();
        double seconds = (System.nanoTime() - start) / 1e9;
        return capped.get() ? SearchPasses.Pass.capped(rows.get(), seconds)
                : SearchPasses.Pass.complete(rows.get(), seconds);
    }
}
