package io.redisarrow.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a test class or method needs Redis modules. {@link RedisServerExtension} then gives it a
 * server that has them (the run's server, else a {@code redis:8} container where Docker runs) and,
 * when none has, skips the test saying what to install, or fails it when {@code CI=true}.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * @RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
 * class SearchIntegrationTests { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresModule {

    /** @return the modules needed */
    RedisModule[] value();
}
