package io.redisarrow.benchmarks;

import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.vector.VectorSchemaRoot;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.json.JsonProtocol;

import java.net.URI;
import java.util.List;

/**
 * The Jedis write baseline, what users write without redis-arrow: one pipeline per input batch
 * ({@value WriteData#BATCH_ROWS} rows), per row an {@code HSET key <map>} of the row's fields (or
 * a raw {@code JSON.SET key $ <document>}), the values converted from the Arrow batch as
 * {@link RowTexts} says, then {@code sync()} and the batch closed.
 */
final class JedisWriter implements BatchWriter {

    private final Jedis jedis;

    private final boolean json;

    /**
     * @param url the writes' server and database
     * @param json JSON.SET of documents instead of HSET of hashes
     */
    JedisWriter(String url, boolean json) {
        this.jedis = new Jedis(URI.create(url));
        this.json = json;
    }

    @Override
    public String name() {
        return json ? "Jedis pipeline of JSON.SET key $ <doc> (sync per 5,000 rows)"
                : "Jedis pipeline of HSET per row (sync per 5,000 rows)";
    }

    @Override
    public long write(List<RecordBatch> batches) {
        long rows = 0;
        try {
            for (RecordBatch batch : batches) {
                try (batch) {
                    VectorSchemaRoot root = batch.root();
                    RowTexts texts = new RowTexts(root);
                    int n = root.getRowCount();
                    try (Pipeline pipeline = jedis.pipelined()) {
                        for (int row = 0; row < n; row++) {
                            if (json) {
                                pipeline.sendCommand(JsonProtocol.JsonCommand.SET, texts.key(row), "$", texts.json(row));
                            } else {
                                pipeline.hset(texts.key(row), texts.hash(row));
                            }
                        }
                        pipeline.sync();
                    }
                    rows += n;
                }
            }
            return rows;
        } finally {
            batches.forEach(RecordBatch::close);
        }
    }

    @Override
    public void close() {
        jedis.close();
    }
}
