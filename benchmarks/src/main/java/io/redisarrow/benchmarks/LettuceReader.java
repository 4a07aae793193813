package io.redisarrow.benchmarks;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;

/**
 * The Lettuce baseline, what users write without us: {@code ScanStream} feeding
 * {@code flatMap(hgetall)} (default concurrency) into a map per hash, on a client of its own with
 * default options.
 */
final class LettuceReader implements Reader {

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    LettuceReader(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    @Override
    public String name() {
        return "Lettuce ScanStream + flatMap(hgetall)";
    }

    @Override
    public long pass() {
        RedisReactiveCommands<String, String> reactive = connection.reactive();
        Long rows = ScanStream.scan(reactive, ScanArgs.Builder.matches(BenchData.PATTERN).limit(RedisArrowReader.BASELINE_SCAN_COUNT))
                .flatMap(key -> reactive.hgetall(key).collectMap(KeyValue::getKey, KeyValue::getValue))
                .filter(row -> !row.isEmpty())
                .count()
                .block();
        return rows == null ? 0 : rows;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
