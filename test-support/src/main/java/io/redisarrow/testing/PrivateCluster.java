package io.redisarrow.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class a {@link LocalRedisCluster} of its own from {@link RedisClusterExtension}, started
 * before its first test and closed after its last, instead of the cluster the run shares. Mark every
 * class that kills, stops or restarts nodes, moves slots, or changes the nodes' configuration, so the
 * shared cluster stays as other classes expect it. (Nested classes share their enclosing class's.)
 *
 * <pre>{@code
 * @ExtendWith(RedisClusterExtension.class)
 * @PrivateCluster(masters = 3, replicasPerMaster = 1)
 * class FailoverIntegrationTests {
 *     @Test
 *     void survivesAFailover(LocalRedisCluster cluster) {
 *         ClusterNode master = cluster.masterOf(0);
 *         master.kill();
 *         cluster.waitForFailover(master, Duration.ofSeconds(30));
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrivateCluster {

    /** @return how many masters (at least 3) */
    int masters() default 3;

    /** @return how many replicas each master has */
    int replicasPerMaster() default 1;
}
