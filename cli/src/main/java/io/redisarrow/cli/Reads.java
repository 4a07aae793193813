package io.redisarrow.cli;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.JsonScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.core.ScanCheckpoint;
import org.apache.arrow.vector.types.pojo.Schema;
import reactor.core.publisher.Flux;

/** Turns a {@link Source} into a read: its batches' schema, the batches, and how to measure its progress. */
final class Reads {

    private Reads() {
    }

    /**
     * One read, not yet started.
     *
     * @param schema the batches' schema (key column first, then the fields), known before any batch
     * @param fields the fields' schema, as given or inferred
     * @param batches the batches; the subscriber owns each
     * @param source what it reads, for messages
     */
    record Read(Schema schema, Schema fields, Flux<RecordBatch> batches, Source source) {
    }

    /**
     * @param redis the connection
     * @param source what to read
     * @param query the search query ({@code --index} only), or {@code null} for every document
     * @param given the fields' schema, or {@code null} to infer it (or, on an index, take the index's)
     * @param sample how many keys to sample when inferring
     * @param batchSize rows per batch
     * @param limit the most rows, or {@code 0} for all (a resumed scan counts the rows before)
     * @param resumeFrom where an earlier scan of the same pattern stood ({@code -p}, {@code -j}), or
     *        {@code null} to scan from the start
     * @return the read
     */
    static Read plan(RedisArrow redis, Source source, String query, Schema given, int sample, int batchSize,
            long limit, ScanCheckpoint resumeFrom) {
        if (source.index == null && query != null) {
            throw new IllegalArgumentException("--query needs --index: it is a RediSearch query");
        }
        if (source.pattern != null) {
            Schema schema = given != null ? given : redis.inferHashSchema(source.pattern, sample).block();
            HashScan.Builder b = HashScan.builder().pattern(source.pattern).schema(schema).batchSize(batchSize)
                    .resumeFrom(resumeFrom);
            if (limit > 0) {
                b.limit(limit);
            }
            HashScan scan = b.build();
            return new Read(scan.batchSchema(), schema, redis.scanHashes(scan), source);
        }
        if (source.json != null) {
            Schema schema = given != null ? given : redis.inferJsonSchema(source.json, sample).block();
            JsonScan.Builder b = JsonScan.builder().pattern(source.json).schema(schema).batchSize(batchSize)
                    .resumeFrom(resumeFrom);
            if (limit > 0) {
                b.limit(limit);
            }
            JsonScan scan = b.build();
            return new Read(scan.batchSchema(), schema, redis.scanJson(scan), source);
        }
        Schema schema = given != null ? given : redis.indexSchema(source.index).block();
        SearchQuery.Builder b = SearchQuery.builder().index(source.index).query(query == null ? "*" : query)
                .schema(schema).batchSize(batchSize);
        if (limit > 0) {
            b.limit(limit);
        }
        SearchQuery search = b.build();
        return new Read(search.batchSchema(), schema, redis.search(search), source);
    }

    /**
     * @param redis the connection
     * @param source hashes or JSON documents
     * @param sample how many keys to sample
     * @return the inferred schema
     */
    static Schema infer(RedisArrow redis, Source source, int sample) {
        if (source.pattern != null) {
            return redis.inferHashSchema(source.pattern, sample).block();
        }
        if (source.json != null) {
            return redis.inferJsonSchema(source.json, sample).block();
        }
        return redis.indexSchema(source.index).block();
    }

    /**
     * How an export's progress is measured: a search's in rows against the index's document count,
     * a scan's in keys against the database's key count ({@code keyCount()}: every key of every
     * type, an upper bound), a limited scan's in rows against the limit when that is lower.
     *
     * @param redis the connection
     * @param source what is read
     * @param limit the most rows in all, or {@code 0}
     * @param resumed where a resumed scan starts, or {@code null}
     * @param streams where to draw
     * @param shown whether to draw (nothing is asked of Redis otherwise)
     * @return the progress, started
     */
    static Progress progress(RedisArrow redis, Source source, long limit, ScanCheckpoint resumed, Streams streams,
            boolean shown) {
        long before = resumed == null ? 0 : resumed.rows();
        if (source.index != null) {
            long documents = shown ? count(redis.indexInfo(source.index).map(i -> i.documents())) : -1;
            return Progress.start("export", limit > 0 && (documents < 0 || limit < documents) ? limit : documents,
                    before, streams, shown);
        }
        long keys = shown ? count(redis.keyCount()) : -1;
        if (limit > 0 && (keys < 0 || limit < keys)) {
            return Progress.start("export", limit, before, streams, shown);
        }
        return Progress.keys("export", keys, resumed, streams, shown);
    }

    private static long count(reactor.core.publisher.Mono<Long> count) {
        try {
            return count.blockOptional().orElse(-1L);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
