package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index helpers on a server without the query engine fail at once saying what to load,
 * rather than with the server's bare "unknown command".
 */
class SearchModuleMissingIntegrationTests {

    @Test
    void aServerWithoutRediSearchFailsEachIndexCommandSayingWhatToLoad() {
        SearchIndex index = SearchIndex.builder().name("idx").prefix("p:")
                .schema(new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null))))
                .build();
        try (LocalRedisServer plain = LocalRedisServer.builder().noModules().start();
                RedisArrow redis = RedisArrow.connect(plain.url())) {
            Map<String, Mono<?>> commands = Map.of("FT.CREATE", redis.createIndex(index),
                    "FT.INFO", redis.indexSchema("idx"), "FT.DROPINDEX", redis.dropIndex("idx", true));
            commands.forEach((command, publisher) -> StepVerifier.create(publisher)
                    .expectErrorSatisfies(e -> assertThat(e).as(command).isInstanceOf(RedisArrowException.class)
                            .hasMessage("Redis at " + plain.host() + ":" + plain.port() + " does not know " + command
                                    + ": load the query engine (RediSearch 2.0 or later, as in Redis Stack and Redis 8)"))
                    .verify(Duration.ofSeconds(10)));
        }
    }
}
