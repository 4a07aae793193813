package io.redisarrow.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.JsonScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import org.apache.arrow.vector.types.pojo.Schema;
import reactor.core.publisher.Flux;

/** Turns a {@link Source} into a read: its batches' schema, the batches, and the rows to expect. */
final class Reads {

    private Reads() {
    }

    /**
     * One read, not yet started.
     *
     * @param schema the batches' schema (key column first, then the fields), known before any batch
     * @param batches the batches; the subscriber owns each
     * @param source what it reads, for messages
     */
    record Read(Schema schema, Flux<RecordBatch> batches, Source source) {
    }

    /**
     * @param redis the connection
     * @param source what to read
     * @param query the search query ({@code --index} only), or {@code null} for every document
     * @param given the fields' schema, or {@code null} to infer it (or, on an index, take the index's)
     * @param sample how many keys to sample when inferring
     * @param batchSize rows per batch
     * @param limit the most rows, or {@code 0} for all
     * @return the read
     */
    static Read plan(RedisArrow redis, Source source, String query, Schema given, int sample, int batchSize,
            long limit) {
        if (source.index == null && query != null) {
            throw new IllegalArgumentException("--query needs --index: it is a RediSearch query");
        }
        if (source.pattern != null) {
            Schema schema = given != null ? given : redis.inferHashSchema(source.pattern, sample).block();
            HashScan.Builder b = HashScan.builder().pattern(source.pattern).schema(schema).batchSize(batchSize);
            if (limit > 0) {
                b.limit(limit);
            }
            HashScan scan = b.build();
            return new Read(scan.batchSchema(), redis.scanHashes(scan), source);
        }
        if (source.json != null) {
            Schema schema = given != null ? given : redis.inferJsonSchema(source.json, sample).block();
            JsonScan.Builder b = JsonScan.builder().pattern(source.json).schema(schema).batchSize(batchSize);
            if (limit > 0) {
                b.limit(limit);
            }
            JsonScan scan = b.build();
            return new Read(scan.batchSchema(), redis.scanJson(scan), source);
        }
        Schema schema = given != null ? given : redis.indexSchema(source.index).block();
        SearchQuery.Builder b = SearchQuery.builder().index(source.index).query(query == null ? "*" : query)
                .schema(schema).batchSize(batchSize);
        if (limit > 0) {
            b.limit(limit);
        }
        SearchQuery search = b.build();
        return new Read(search.batchSchema(), redis.search(search), source);
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
     * The rows a read may yield, for the ETA: the index's document count, else {@code DBSIZE} (every
     * key of the database: an upper bound for a pattern), capped by the limit.
     *
     * @param redis the connection
     * @param url its URL
     * @param source what is read
     * @param limit the most rows, or {@code 0}
     * @return the estimate, or {@code -1} when it cannot be had
     */
    static long expectedRows(RedisArrow redis, String url, Source source, long limit) {
        long total;
        try {
            total = source.index != null ? redis.indexInfo(source.index).blockOptional().map(i -> i.documents()).orElse(-1L)
                    : dbsize(url);
        } catch (RuntimeException e) {
            total = -1;
        }
        return limit > 0 && (total < 0 || limit < total) ? limit : total;
    }

    /**
     * @param url the server
     * @return its {@code DBSIZE}
     */
    static long dbsize(String url) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().dbsize();
        } finally {
            client.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
