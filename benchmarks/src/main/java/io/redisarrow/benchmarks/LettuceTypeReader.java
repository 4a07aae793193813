package io.redisarrow.benchmarks;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;

import java.util.Map;

/**
 * The naive Lettuce baseline of the types scenario, the reactive code a user writes first:
 * {@code ScanStream.scan(reactive, ScanArgs.Builder.matches(pattern))} (Lettuce's default SCAN
 * COUNT, no TYPE) and {@code flatMap} (Reactor's default concurrency) of one whole-key read per
 * key: GET per string key, SMEMBERS, LRANGE 0 -1, ZRANGE 0 -1 WITHSCORES
 * ({@code zrangeWithScores}), XRANGE - +; the big key by the same code (it finds one key). String
 * codec, on a client of its own with default options; every value is read into a Java value
 * (numbers parsed) and summed.
 */
final class LettuceTypeReader implements TypeReader {

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    private final TypeData data;

    private double touched;

    /**
     * @param url the server and database
     * @param data what to read
     */
    LettuceTypeReader(String url, TypeData data) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
        this.data = data;
    }

    /** @return the reader's name for a type: its commands */
    static String name(TypeData.Kind kind) {
        return "Lettuce ScanStream + flatMap(" + switch (kind) {
            case STRINGS -> "get";
            case SETS -> "smembers";
            case LISTS -> "lrange 0 -1";
            case SORTED_SETS -> "zrangeWithScores 0 -1";
            case STREAMS -> "xrange - +";
        } + ")";
    }

    @Override
    public String name() {
        return name(data.kind()) + ", " + data.label();
    }

    @Override
    public long pass() {
        RedisReactiveCommands<String, String> reactive = connection.reactive();
        Flux<String> keys = ScanStream.scan(reactive, ScanArgs.Builder.matches(data.pattern()));
        Flux<Double> values = switch (data.kind()) {
            case STRINGS -> keys.flatMap(reactive::get).map(Double::parseDouble);
            case SETS -> keys.flatMap(reactive::smembers).map(member -> (double) member.length());
            case LISTS -> keys.flatMap(key -> reactive.lrange(key, 0, -1)).map(element -> (double) element.length());
            case SORTED_SETS -> keys.flatMap(key -> reactive.zrangeWithScores(key, 0, -1))
                    .map(scored -> scored.getValue().length() + scored.getScore());
            case STREAMS -> keys.flatMap(key -> reactive.xrange(key, Range.create("-", "+")))
                    .map(LettuceTypeReader::entry);
        };
        double[] sum = values.reduce(new double[2], (acc, value) -> {
            acc[0]++;
            acc[1] += value;
            return acc;
        }).block();
        touched = sum == null ? 0 : sum[1];
        return sum == null ? 0 : (long) sum[0];
    }

    /** @return an entry's id and fields read into Java values, summed */
    private static double entry(StreamMessage<String, String> message) {
        String id = message.getId();
        int dash = id.indexOf('-');
        double sum = Long.parseLong(id.substring(0, dash)) + Long.parseLong(id.substring(dash + 1));
        Map<String, String> body = message.getBody();
        String user = body.get("user");
        String price = body.get("price");
        String symbol = body.get("sym");
        sum += user == null ? 0 : Long.parseLong(user);
        sum += price == null ? 0 : Double.parseDouble(price);
        return sum + (symbol == null ? 0 : symbol.length());
    }

    @Override
    public double checksum() {
        return touched;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
