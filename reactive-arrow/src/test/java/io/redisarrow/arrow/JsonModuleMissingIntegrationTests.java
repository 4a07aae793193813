package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.TypeFilter;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON scan on a server without the JSON module fails at once saying what to load, whatever
 * the type filter: it neither finds no keys in silence (SCAN TYPE of a type the server does not
 * know) nor fails later on a fetch.
 */
class JsonModuleMissingIntegrationTests {

    @Test
    void aServerWithoutTheJsonModuleFailsTheScanSayingWhatToLoad() {
        Schema schema = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        try (LocalRedisServer plain = LocalRedisServer.builder().noModules().start();
                BufferAllocator allocator = new RootAllocator();
                RedisArrow redis = RedisArrow.builder().url(plain.url()).allocator(allocator).build()) {
            for (TypeFilter filter : TypeFilter.values()) {
                StepVerifier.create(redis.scanJson(JsonScan.builder().schema(schema).typeFilter(filter).build()))
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                                .hasMessageContaining("does not know JSON.GET")
                                .hasMessageContaining("load the JSON module")
                                .hasMessageContaining(plain.host() + ":" + plain.port()))
                        .verify(Duration.ofSeconds(10));
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }
}
