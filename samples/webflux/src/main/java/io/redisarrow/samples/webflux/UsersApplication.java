package io.redisarrow.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The WebFlux sample's entry point: a reactive HTTP service on port 8080 (or {@code server.port})
 * that streams the {@code user:*} hashes of the Redis at {@code REDIS_URL} as Arrow IPC or NDJSON.
 * Without {@code REDIS_URL} it starts a local {@code redis-server} and loads sample users into it;
 * stopping the service stops that server.
 */
@SpringBootApplication
public class UsersApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, such as {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(UsersApplication.class, args);
    }
}
