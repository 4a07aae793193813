package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.RedisArrow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RequestPredicates.contentType;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The routes: the {@code Accept} header chooses Arrow IPC (also for {@code *}{@code /*} or none) or
 * NDJSON.
 */
@Configuration(proxyBeanMethods = false)
class UsersRoutes {

    @Bean
    UsersIndex usersIndex(RedisArrow redis, @Value("${users.index:users-idx}") String name) {
        return UsersIndex.open(redis, name);
    }

    @Bean
    UsersHandler usersHandler(RedisArrow redis, UsersIndex index, @Value("${users.batch-size:5000}") int batchSize) {
        return new UsersHandler(redis, index, batchSize);
    }

    @Bean
    RouterFunction<ServerResponse> usersRouter(UsersHandler users) {
        return route()
                .GET("/users/search", accept(UsersHandler.ARROW), users::searchArrow)
                .GET("/users/search", accept(UsersHandler.NDJSON), users::searchNdjson)
                .GET("/users/search", users::notAcceptable)
                .GET("/users", accept(UsersHandler.ARROW), users::scanArrow)
                .GET("/users", accept(UsersHandler.NDJSON), users::scanNdjson)
                .GET("/users", users::notAcceptable)
                .POST("/users", contentType(UsersHandler.ARROW), users::upload)
                .POST("/users", users::unsupportedMediaType)
                .build();
    }
}
