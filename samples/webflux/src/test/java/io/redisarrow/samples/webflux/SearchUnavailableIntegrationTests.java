package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.LocalRedisServer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A server without a query engine: search answers 501 with the library's reason, scans still work. */
class SearchUnavailableIntegrationTests {

    @Test
    void searchIsNotImplementedSayingWhatToLoad() {
        try (LocalRedisServer server = LocalRedisServer.builder().noModules().start();
                RedisArrow redis = RedisArrow.connect(server.url())) {
            UsersIndex index = UsersIndex.open(redis, "users-idx");
            assertThat(index.unavailable()).isPresent();
            WebTestClient web = WebTestClient.bindToRouterFunction(
                    new UsersRoutes().usersRouter(new UsersHandler(redis, index, 100))).build();

            web.get().uri("/users/search?q={q}", "@city:{Oslo}").accept(UsersHandler.NDJSON).exchange()
                    .expectStatus().isEqualTo(HttpStatus.NOT_IMPLEMENTED)
                    .expectBody(String.class).value(text -> assertThat(text)
                            .contains("FT.CREATE", "RediSearch 2.0 or later"));
            web.get().uri("/users?pattern=user:none-*").accept(UsersHandler.NDJSON).exchange()
                    .expectStatus().isOk();
            assertThat(redis.allocator().getAllocatedMemory()).isZero();
        }
    }
}
