package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Search and aggregate on servers that cannot serve them fail at once with what to run instead: a
 * server without the query engine, and one with RediSearch 1.x (Debian's {@code redis-redisearch},
 * which {@code .ci/run} installs), too old to index keys by prefix or to page by cursor.
 */
class SearchModuleIntegrationTests {

    /** Where Debian's {@code redis-redisearch} package puts RediSearch 1.x. */
    static final Path SEARCH_1X = Path.of("/usr/lib/redis/modules/redisearch.so");

    static final Schema SCHEMA = new Schema(List.of(new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    static void assertFails(LocalRedisServer server, String... expected) {
        try (BufferAllocator allocator = new RootAllocator();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator).build()) {
            List<Function<RedisArrow, Flux<RecordBatch>>> reads = List.of(
                    r -> r.search(SearchQuery.builder().index("idx").schema(SCHEMA).build()),
                    r -> r.aggregate(AggregateQuery.builder().index("idx").load("name").schema(SCHEMA).build()));
            for (Function<RedisArrow, Flux<RecordBatch>> read : reads) {
                StepVerifier.create(read.apply(redis)).expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(RedisArrowException.class)
                            .hasMessageContaining(server.host() + ":" + server.port());
                    for (String part : expected) {
                        assertThat(e).hasMessageContaining(part);
                    }
                }).verify(Duration.ofSeconds(10));
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void aServerWithoutTheQueryEngineSaysWhatToLoad() {
        try (LocalRedisServer plain = LocalRedisServer.builder().noModules().start()) {
            assertFails(plain, "does not know FT.", "RediSearch 2.0 or later", "Redis 8");
        }
    }

    @Test
    void redisearchOneIsRefusedAsTooOld() {
        boolean installed = Files.isReadable(SEARCH_1X);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(SEARCH_1X + " is missing: .ci/run installs Debian's redis-redisearch");
        }
        assumeTrue(installed, "RediSearch 1.x is not installed (apt-get install redis-redisearch)");
        try (LocalRedisServer old = LocalRedisServer.builder().modules(SEARCH_1X).start()) {
            try (var client = io.lettuce.core.RedisClient.create(old.url()); var c = client.connect()) {
                c.sync().dispatch(SearchTestSupport.command("FT.CREATE"),
                        new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                        new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8).add("idx")
                                .add("SCHEMA").add("name").add("TEXT"));
            }
            assertFails(old, "RediSearch 1.x, which is too old", "RediSearch 2.0 or later");
        }
    }
}
