package io.redisarrow.benchmarks;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Jedis baseline, what users write without us: SCAN MATCH COUNT 1000, and for each page one
 * pipeline of HMGETs of the fields (all ten unless told), every value touched; optionally it
 * stops after a number of rows, like redis-arrow's {@code limit}.
 */
final class JedisReader implements Reader {

    private final Jedis jedis;

    private final String[] fields;

    private final long limit;

    private long chars;

    JedisReader(String url) {
        this(url, BenchData.FIELDS.length, Long.MAX_VALUE);
    }

    /**
     * @param url the server
     * @param fields HMGET of the first this many fields
     * @param limit rows after which a pass stops
     */
    JedisReader(String url, int fields, long limit) {
        this.jedis = new Jedis(URI.create(url));
        this.fields = Arrays.copyOf(BenchData.FIELDS, fields);
        this.limit = limit;
    }

    @Override
    public String name() {
        return "Jedis SCAN + pipelined HMGET" + (fields.length == BenchData.FIELDS.length ? "" : " of " + fields.length
                + " fields");
    }

    @Override
    public long pass() {
        ScanParams params = new ScanParams().match(BenchData.PATTERN).count(RedisArrowReader.BASELINE_SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        long rows = 0;
        long touched = 0;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            List<Response<List<String>>> replies = new ArrayList<>(page.getResult().size());
            try (Pipeline pipeline = jedis.pipelined()) {
                for (String key : page.getResult()) {
                    replies.add(pipeline.hmget(key, fields));
                }
                pipeline.sync();
            }
            for (Response<List<String>> reply : replies) {
                boolean present = false;
                for (String value : reply.get()) {
                    if (value != null) {
                        present = true;
                        touched += value.length();
                    }
                }
                if (present && rows < limit) {
                    rows++;
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && rows < limit);
        chars = touched;
        return rows;
    }

    @Override
    public String detail() {
        return String.format("%,d value chars", chars);
    }

    @Override
    public void close() {
        jedis.close();
    }
}
