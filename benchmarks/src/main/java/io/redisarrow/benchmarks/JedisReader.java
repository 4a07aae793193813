package io.redisarrow.benchmarks;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What users write with Jedis: SCAN COUNT 1000, and for each page one pipeline of HMGETs of the
 * ten fields, values kept as Strings.
 */
final class JedisReader implements Reader {

    private final Jedis jedis;

    JedisReader(String url) {
        this.jedis = new Jedis(URI.create(url));
    }

    @Override
    public String name() {
        return "Jedis SCAN + pipelined HMGET";
    }

    @Override
    public int parallel() {
        return 0;
    }

    @Override
    public long pass() {
        ScanParams params = new ScanParams().match(BenchData.PATTERN).count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        long rows = 0;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            Pipeline pipeline = jedis.pipelined();
            List<Response<List<String>>> replies = new ArrayList<>(page.getResult().size());
            for (String key : page.getResult()) {
                replies.add(pipeline.hmget(key, BenchData.FIELDS));
            }
            pipeline.sync();
            for (Response<List<String>> reply : replies) {
                if (reply.get().get(0) != null) {
                    rows++;
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return rows;
    }

    @Override
    public void close() {
        jedis.close();
    }
}
