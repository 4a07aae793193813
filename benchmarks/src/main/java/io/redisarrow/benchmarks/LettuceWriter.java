package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Lettuce write baseline, what users write without redis-arrow: the async API with its
 * defaults (every command flushed as it is issued), per row {@code hset(key, map)} (or
 * {@code JSON.SET key $ <document>} through {@code dispatch}), the values converted from the
 * Arrow batch as {@link RowTexts} says, at most {@value #IN_FLIGHT} commands awaiting their reply
 * (a semaphore taken per command, given back as its future completes), each batch closed once its
 * rows are issued.
 */
final class LettuceWriter implements BatchWriter {

    /** Commands issued and not yet answered, at most. */
    static final int IN_FLIGHT = 1_000;

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    private final boolean json;

    /**
     * @param url the writes' server and database
     * @param json JSON.SET of documents instead of HSET of hashes
     */
    LettuceWriter(String url, boolean json) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
        this.json = json;
    }

    @Override
    public String name() {
        return json ? "Lettuce async JSON.SET (dispatch) per row, " + IN_FLIGHT + " in flight"
                : "Lettuce async HSET per row, " + IN_FLIGHT + " in flight";
    }

    @Override
    public long write(List<RecordBatch> batches) {
        RedisAsyncCommands<String, String> async = connection.async();
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicLong applied = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (RecordBatch batch : batches) {
                try (batch) {
                    VectorSchemaRoot root = batch.root();
                    RowTexts texts = new RowTexts(root);
                    int n = root.getRowCount();
                    for (int row = 0; row < n && failure.get() == null; row++) {
                        permits.acquireUninterruptibly();
                        RedisFuture<?> reply = json
                                ? async.dispatch(CommandType.JSON_SET, new StatusOutput<>(StringCodec.UTF8),
                                        new CommandArgs<>(StringCodec.UTF8).addKey(texts.key(row)).add("$")
                                                .add(texts.json(row)))
                                : async.hset(texts.key(row), texts.hash(row));
                        reply.whenComplete((value, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                applied.incrementAndGet();
                            }
                            permits.release();
                        });
                    }
                }
            }
            if (!permits.tryAcquire(IN_FLIGHT, 10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Lettuce replies did not all arrive within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            batches.forEach(RecordBatch::close);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a Lettuce write failed: " + failure.get(), failure.get());
        }
        return applied.get();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
