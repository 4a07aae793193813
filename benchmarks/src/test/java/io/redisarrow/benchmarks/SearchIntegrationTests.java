package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.JsonScan;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.benchmarks.json.JsonDocs;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The search scenarios' readers against a real server with RediSearch and JSON: on the benchmark's
 * hashes and documents (plus some on the queries' exclusive bounds), redis-arrow's search reads
 * exactly the rows the scans' client-side filters keep, at every selectivity, and the time cap
 * stops a search early without leaving Arrow memory behind.
 */
@ExtendWith(RedisServerExtension.class)
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class SearchIntegrationTests {

    private static final int GENERATED = 400;

    /** Balances on and beside the bounds of the 10 % and 1 % queries. */
    private static final String[] BOUNDS = { "0.00", "999.99", "1000.00", "1000.01", "9999.99", "10000.00" };

    private static final ProtocolKeyword JSON_SET = () -> "JSON.SET".getBytes(StandardCharsets.US_ASCII);

    private RedisClient client;

    private StatefulRedisConnection<String, String> connection;

    private String url;

    private String prefix;

    private FtIndex index;

    @BeforeEach
    void connect(RedisTestServer server, TestInfo info) {
        url = server.url();
        prefix = server.uniquePrefix(info.getTestMethod().map(m -> m.getName()).orElse("test"));
        client = RedisClient.create(url);
        connection = client.connect();
    }

    @AfterEach
    void dropIndex() {
        if (index != null) {
            index.drop();
        }
        connection.close();
        client.shutdown();
    }

    @Test
    void onHashesTheSearchReadsWhatTheScanFilterKeeps() {
        RedisCommands<String, String> redis = connection.sync();
        long[] expected = new long[SearchMatch.ALL.size()];
        BenchData.Generator generator = BenchData.generator();
        for (int i = 0; i < GENERATED; i++) {
            Map<String, String> user = generator.next(i);
            redis.hset(prefix + i, user);
            count(expected, new BigDecimal(user.get("balance")));
        }
        for (int i = 0; i < BOUNDS.length; i++) {
            Map<String, String> user = generator.next(GENERATED + i);
            user.put("balance", BOUNDS[i]);
            redis.hset(prefix + "bound:" + i, user);
            count(expected, new BigDecimal(BOUNDS[i]));
        }
        index = FtIndex.create(redis, prefix + "idx", FtIndex.hashArguments(prefix + "idx", prefix), "test hashes");
        index.awaitIndexed(0, GENERATED + BOUNDS.length);

        try (RedisArrow arrow = RedisArrow.connect(url)) {
            long[] kept = SearchScenario.scanAndFilter(arrow,
                    HashScan.builder().pattern(prefix + "*").schema(BenchData.SCHEMA).build());

            assertThat(kept).containsExactly(expected);
            for (int m = 0; m < SearchMatch.ALL.size(); m++) {
                SearchPasses.Pass pass = ArrowSearch.read(arrow, ArrowSearch.hashes(index.name(), SearchMatch.ALL.get(m)),
                        SearchPasses.capNanos());
                assertThat(pass.stopped()).as(SearchMatch.ALL.get(m).label()).isNull();
                assertThat(pass.rows()).as(SearchMatch.ALL.get(m).label()).isEqualTo(expected[m]);
            }
            assertThat(arrow.allocator().getAllocatedMemory()).isZero();
        }
    }

    @Test
    void onJsonDocumentsTheSearchReadsWhatTheScanFilterKeeps() {
        RedisCommands<String, String> redis = connection.sync();
        ObjectMapper mapper = new ObjectMapper();
        long[] expected = new long[SearchMatch.ALL.size()];
        JsonDocs.Generator generator = JsonDocs.generator();
        for (int i = 0; i < GENERATED; i++) {
            String document = generator.next(i);
            jsonSet(redis, prefix + i, document);
            count(expected, mapper.readTree(document).get("balance").decimalValue());
        }
        for (int i = 0; i < BOUNDS.length; i++) {
            String document = generator.next(GENERATED + i).replaceFirst("\"balance\":[0-9.]+",
                    "\"balance\":" + BOUNDS[i]);
            jsonSet(redis, prefix + "bound:" + i, document);
            count(expected, new BigDecimal(BOUNDS[i]));
        }
        index = FtIndex.create(redis, prefix + "idx", FtIndex.jsonArguments(prefix + "idx", prefix), "test documents");
        index.awaitIndexed(0, GENERATED + BOUNDS.length);

        try (RedisArrow arrow = RedisArrow.connect(url)) {
            long[] kept = JsonSearchScenario.scanAndFilter(arrow,
                    JsonScan.builder().pattern(prefix + "*").schema(JsonDocs.SCHEMA).build());

            assertThat(kept).containsExactly(expected);
            for (int m = 0; m < SearchMatch.ALL.size(); m++) {
                SearchPasses.Pass pass = ArrowSearch.read(arrow,
                        ArrowSearch.documents(index.name(), SearchMatch.ALL.get(m)), SearchPasses.capNanos());
                assertThat(pass.stopped()).as(SearchMatch.ALL.get(m).label()).isNull();
                assertThat(pass.rows()).as(SearchMatch.ALL.get(m).label()).isEqualTo(expected[m]);
            }
            assertThat(arrow.allocator().getAllocatedMemory()).isZero();
        }
    }

    @Test
    void theCapStopsASearchAfterItsFirstBatchAndFreesWhatItHeld() {
        RedisCommands<String, String> redis = connection.sync();
        BenchData.Generator generator = BenchData.generator();
        for (int i = 0; i < GENERATED; i++) {
            redis.hset(prefix + i, generator.next(i));
        }
        index = FtIndex.create(redis, prefix + "idx", FtIndex.hashArguments(prefix + "idx", prefix), "test hashes");
        index.awaitIndexed(0, GENERATED);
        SearchQuery query = SearchQuery.builder().index(index.name()).schema(BenchData.SCHEMA).batchSize(50).build();

        try (RedisArrow arrow = RedisArrow.connect(url)) {
            SearchPasses.Pass pass = ArrowSearch.read(arrow, query, 0);

            assertThat(pass.stopped()).isEqualTo("> " + SearchPasses.CAP_SECONDS + " s (stopped)");
            assertThat(pass.rows()).isEqualTo(50);
            assertThat(arrow.allocator().getAllocatedMemory()).isZero();
        }
    }

    private static void count(long[] counts, BigDecimal balance) {
        for (int m = 0; m < counts.length; m++) {
            double below = SearchMatch.ALL.get(m).below();
            if (below == Double.POSITIVE_INFINITY || balance.compareTo(BigDecimal.valueOf(below)) < 0) {
                counts[m]++;
            }
        }
    }

    private static void jsonSet(RedisCommands<String, String> redis, String key, String document) {
        redis.dispatch(JSON_SET, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).addKey(key).add("$").add(document));
    }
}
