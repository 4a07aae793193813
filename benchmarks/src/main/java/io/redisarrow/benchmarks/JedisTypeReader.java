package io.redisarrow.benchmarks;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The Jedis baseline of the types scenario, a hand-written pipeline of the commands redis-arrow
 * sends, with Jedis' byte[] API: SCAN MATCH COUNT TYPE pages, then for small keys one pipeline per
 * page of one whole-key read per key (MGET of the page for strings; SMEMBERS, LRANGE 0 -1,
 * ZRANGE 0 -1 WITHSCORES, XRANGE - +); for the big key the windows redis-arrow reads it in: an
 * SSCAN cursor loop, LLEN or ZCARD then LRANGE or ZRANGE windows pipelined
 * ({@value #WINDOWS_PER_SYNC} per sync), XRANGE COUNT windows from after the last id. Every value is
 * read into a Java value (Strings, parsed numbers) and summed, so no work is skipped.
 */
final class JedisTypeReader implements TypeReader {

    /** LRANGE or ZRANGE windows of a big key sent before one sync. */
    static final int WINDOWS_PER_SYNC = 100;

    private static final byte[] CURSOR_START = ScanParams.SCAN_POINTER_START_BINARY;

    private final Jedis jedis;

    private final TypeData data;

    private final int scanCount;

    private final int window;

    private double touched;

    /**
     * @param url the server and database
     * @param data what to read
     * @param scanCount SCAN COUNT, as redis-arrow's default
     * @param window elements per window of a big key, as redis-arrow's default batch size
     */
    JedisTypeReader(String url, TypeData data, int scanCount, int window) {
        this.jedis = new Jedis(URI.create(url));
        this.data = data;
        this.scanCount = scanCount;
        this.window = window;
    }

    @Override
    public String name() {
        return "Jedis pipeline, " + data.label();
    }

    @Override
    public long pass() {
        ScanParams params = new ScanParams().match(data.pattern()).count(scanCount);
        byte[] type = data.kind().typeName.getBytes(StandardCharsets.US_ASCII);
        byte[] cursor = CURSOR_START;
        Sum sum = new Sum();
        do {
            ScanResult<byte[]> page = jedis.scan(cursor, params, type);
            List<byte[]> keys = page.getResult();
            if (!keys.isEmpty()) {
                if (data.shape() == TypeData.Shape.BIG_KEY) {
                    for (byte[] key : keys) {
                        big(key, sum);
                    }
                } else {
                    small(keys, sum);
                }
            }
            cursor = page.getCursorAsBytes();
        } while (!Arrays.equals(cursor, CURSOR_START));
        touched = sum.value;
        return sum.elements;
    }

    private void small(List<byte[]> keys, Sum sum) {
        if (data.kind() == TypeData.Kind.STRINGS) {
            for (byte[] value : jedis.mget(keys.toArray(new byte[0][]))) {
                if (value != null) {
                    sum.number(value);
                    sum.elements++;
                }
            }
            return;
        }
        List<Response<?>> replies = new ArrayList<>(keys.size());
        try (Pipeline pipeline = jedis.pipelined()) {
            for (byte[] key : keys) {
                replies.add(switch (data.kind()) {
                    case SETS -> pipeline.smembers(key);
                    case LISTS -> pipeline.lrange(key, 0, -1);
                    case SORTED_SETS -> pipeline.zrangeWithScores(key, 0, -1);
                    case STREAMS -> pipeline.xrange(key, ascii("-"), ascii("+"));
                    case STRINGS -> throw new IllegalStateException("strings are read with MGET");
                });
            }
            pipeline.sync();
        }
        for (Response<?> reply : replies) {
            add(reply.get(), sum);
        }
    }

    private void big(byte[] key, Sum sum) {
        switch (data.kind()) {
            case SETS -> {
                ScanParams count = new ScanParams().count(window);
                byte[] cursor = CURSOR_START;
                do {
                    ScanResult<byte[]> page = jedis.sscan(key, cursor, count);
                    add(page.getResult(), sum);
                    cursor = page.getCursorAsBytes();
                } while (!Arrays.equals(cursor, CURSOR_START));
            }
            case LISTS, SORTED_SETS -> {
                boolean list = data.kind() == TypeData.Kind.LISTS;
                long size = list ? jedis.llen(key) : jedis.zcard(key);
                for (long first = 0; first < size; first += (long) window * WINDOWS_PER_SYNC) {
                    List<Response<?>> replies = new ArrayList<>(WINDOWS_PER_SYNC);
                    try (Pipeline pipeline = jedis.pipelined()) {
                        long end = Math.min(size, first + (long) window * WINDOWS_PER_SYNC);
                        for (long start = first; start < end; start += window) {
                            long stop = Math.min(end, start + window) - 1;
                            replies.add(list ? pipeline.lrange(key, start, stop)
                                    : pipeline.zrangeWithScores(key, start, stop));
                        }
                        pipeline.sync();
                    }
                    for (Response<?> reply : replies) {
                        add(reply.get(), sum);
                    }
                }
            }
            case STREAMS -> {
                byte[] start = ascii("-");
                while (true) {
                    List<Object> entries = jedis.xrange(key, start, ascii("+"), window);
                    add(entries, sum);
                    if (entries.size() < window) {
                        break;
                    }
                    @SuppressWarnings("unchecked")
                    List<Object> last = (List<Object>) entries.get(entries.size() - 1);
                    start = ("(" + new String((byte[]) last.get(0), StandardCharsets.US_ASCII)).getBytes(
                            StandardCharsets.US_ASCII);
                }
            }
            case STRINGS -> throw new IllegalStateException("strings have no big key");
        }
    }

    /** Adds one reply's elements: members as Strings, scores, stream entries as their values. */
    private void add(Object reply, Sum sum) {
        if (reply == null) {
            return;
        }
        for (Object element : (Collection<?>) reply) {
            sum.elements++;
            if (element instanceof byte[] member) {
                sum.text(member);
            } else if (element instanceof Tuple tuple) {
                sum.text(tuple.getBinaryElement());
                sum.add(tuple.getScore());
            } else if (element instanceof List<?> entry) {
                entry(entry, sum);
            } else {
                throw new IllegalStateException("unexpected element " + element);
            }
        }
    }

    /** Reads one XRANGE entry ({@code [id, [field, value, ...]]}) into its id and typed fields. */
    private static void entry(List<?> entry, Sum sum) {
        StreamEntryID id = new StreamEntryID(new String((byte[]) entry.get(0), StandardCharsets.US_ASCII));
        sum.add(id.getTime() + id.getSequence());
        List<?> fields = (List<?>) entry.get(1);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            byte[] value = (byte[]) fields.get(i + 1);
            switch (new String((byte[]) fields.get(i), StandardCharsets.UTF_8)) {
                case "user" -> sum.add(Long.parseLong(new String(value, StandardCharsets.US_ASCII)));
                case "price" -> sum.number(value);
                case "sym" -> sum.text(value);
                default -> {
                    // a field the schema does not read
                }
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public double checksum() {
        return touched;
    }

    @Override
    public void close() {
        jedis.close();
    }

    /** The elements read and the sum of what was read from them. */
    private static final class Sum {

        long elements;

        double value;

        void text(byte[] bytes) {
            value += new String(bytes, StandardCharsets.UTF_8).length();
        }

        void number(byte[] bytes) {
            value += Double.parseDouble(new String(bytes, StandardCharsets.US_ASCII));
        }

        void add(double number) {
            value += number;
        }
    }
}
