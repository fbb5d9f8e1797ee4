package io.herald.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real Redis Cluster ({@link RedisClusterProcess}: 3 masters,
 * 3 replicas) instead of a single Redis, through the same {@link TestRedis} parameter as
 * {@link RealRedis}: annotate a subclass of a {@code @RealRedis} test to run its tests on a cluster too.
 *
 * <p>One cluster serves every such class of a test JVM (starting one takes seconds); it is emptied
 * ({@code FLUSHALL} on every master) before each class and stopped when the JVM's tests end. The
 * nodes are set as the system property {@code spring.data.redis.cluster.nodes} (and
 * {@code herald.test.redis-url} holds their URLs) before a Spring context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealRedisExtension.class)
public @interface RealRedisCluster {
}
