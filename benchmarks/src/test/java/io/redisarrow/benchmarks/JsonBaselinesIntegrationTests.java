package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.benchmarks.json.JsonDocs;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/**
 * The JSON baselines against a real server with the JSON module: each reads every document once, the
 * Jedis one through Jackson into Arrow (its allocator must be empty when it closes), the Lettuce one
 * materialising every value of every document.
 */
@ExtendWith(RedisServerExtension.class)
@RequiresModule(RedisModule.JSON)
class JsonBaselinesIntegrationTests {

    private static final int DOCUMENTS = 120;

    private static final ProtocolKeyword JSON_SET = () -> "JSON.SET".getBytes(StandardCharsets.US_ASCII);

    private RedisTestServer server;

    private String prefix;

    private long scalars;

    @BeforeEach
    void loadDocuments(RedisTestServer redisServer, TestInfo info) {
        server = redisServer;
        prefix = server.uniquePrefix(info.getTestMethod().map(m -> m.getName()).orElse("test"));
        ObjectMapper mapper = new ObjectMapper();
        JsonDocs.Generator generator = JsonDocs.generator();
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            for (int i = 0; i < DOCUMENTS; i++) {
                String document = generator.next(i);
                connection.sync().dispatch(JSON_SET, new StatusOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).addKey(prefix + i).add("$").add(document));
                scalars += scalars(mapper.readTree(document));
            }
        } finally {
            client.shutdown();
        }
    }

    private static long scalars(JsonNode node) {
        if (node.isContainer()) {
            long n = 0;
            for (JsonNode child : node.values()) {
                n += scalars(child);
            }
            return n;
        }
        return node.isNull() ? 0 : 1;
    }

    @Test
    void jedisReaderCopiesEveryDocumentIntoArrow() {
        try (Reader reader = new JedisJsonReader(server.url(), prefix + "*")) {
            assertThat(reader.pass()).isEqualTo(DOCUMENTS);
            assertThat(reader.pass()).as("a second pass").isEqualTo(DOCUMENTS);
        }
    }

    @Test
    void lettuceReaderMaterialisesEveryValueOfEveryDocument() {
        try (LettuceJsonReader reader = new LettuceJsonReader(server.url(), prefix + "*")) {
            assertThat(reader.pass()).isEqualTo(DOCUMENTS);
            assertThat(reader.values()).isEqualTo(scalars);
        }
    }
}
