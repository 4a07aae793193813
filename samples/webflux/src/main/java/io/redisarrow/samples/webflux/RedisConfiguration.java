package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.RedisArrow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's one {@link RedisArrow}, closed on shutdown, and the Redis it talks to. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisEndpoint redisEndpoint(@Value("${redis.url:}") String url,
            @Value("${users.sample-size:10000}") int sampleUsers) {
        return RedisEndpoint.of(url, sampleUsers);
    }

    @Bean(destroyMethod = "close")
    RedisArrow redisArrow(RedisEndpoint endpoint) {
        return RedisArrow.connect(endpoint.url());
    }
}
