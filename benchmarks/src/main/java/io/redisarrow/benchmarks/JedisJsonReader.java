package io.redisarrow.benchmarks;

import io.redisarrow.benchmarks.json.JacksonArrowCopy;
import io.redisarrow.benchmarks.json.JsonDocs;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.json.JsonProtocol;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Jedis + Jackson baseline, what users write without us to get JSON documents into Arrow: SCAN
 * MATCH COUNT 1000, and for each page one pipeline of {@code JSON.GET key $} (sent as raw commands,
 * so the replies stay bytes), each reply parsed by Jackson's {@code ObjectMapper.readTree} into a
 * {@link JsonNode}, then the page's trees copied into a fresh Arrow batch of {@link JsonDocs#SCHEMA}
 * ({@link JacksonArrowCopy}), which is closed at once, as redis-arrow's streaming rows close theirs.
 */
final class JedisJsonReader implements Reader {

    private final Jedis jedis;

    private final String pattern;

    private final ObjectMapper mapper = new ObjectMapper();

    private final BufferAllocator allocator = new RootAllocator();

    private long peakBytes;

    /**
     * @param url the documents' server and database
     * @param pattern SCAN MATCH pattern of the documents, {@link JsonDocs#PATTERN} in the benchmark
     */
    JedisJsonReader(String url, String pattern) {
        this.jedis = new Jedis(URI.create(url));
        this.pattern = pattern;
    }

    @Override
    public String name() {
        return "Jedis SCAN + pipelined JSON.GET + Jackson readTree + copy into Arrow";
    }

    @Override
    public long pass() {
        ScanParams params = new ScanParams().match(pattern).count(RedisArrowReader.BASELINE_SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        long rows = 0;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            List<Response<Object>> replies = new ArrayList<>(page.getResult().size());
            try (Pipeline pipeline = jedis.pipelined()) {
                for (String key : page.getResult()) {
                    replies.add(pipeline.sendCommand(JsonProtocol.JsonCommand.GET, key, "$"));
                }
                pipeline.sync();
            }
            List<JsonNode> trees = new ArrayList<>(replies.size());
            for (Response<Object> reply : replies) {
                if (reply.get() instanceof byte[] json) {
                    trees.add(mapper.readTree(json));
                }
            }
            try (VectorSchemaRoot batch = JacksonArrowCopy.copy(trees, allocator)) {
                rows += batch.getRowCount();
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        peakBytes = allocator.getPeakMemoryAllocation();
        return rows;
    }

    @Override
    public String detail() {
        return String.format(Locale.ROOT, "allocator peak %,.1f MB", peakBytes / 1e6);
    }

    @Override
    public void close() {
        try {
            jedis.close();
        } finally {
            allocator.close();
        }
    }
}
