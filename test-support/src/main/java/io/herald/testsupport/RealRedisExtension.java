package io.herald.testsupport;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension behind {@link RealRedis} and {@link RealRedisCluster}: one {@link TestRedis}
 * per test class (or the JVM's shared cluster, emptied, for a {@code @RealRedisCluster} class), its
 * log printed to standard error when a test of the class failed.
 */
public final class RealRedisExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealRedisExtension.class);
    private static final String FAILED = "failed";

    private static volatile TestRedis current;

    /** The Redis of the test class that runs now; for {@code @DynamicPropertySource} and helpers. */
    public static TestRedis current() {
        TestRedis redis = current;
        if (redis == null) {
            throw new IllegalStateException("no @RealRedis test class is running");
        }
        return redis;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (wantsCluster(context)) {
            RedisClusterProcess cluster = SharedCluster.of(context);
            cluster.flushAll();
            context.getStore(NAMESPACE).put(TestRedis.class, cluster);
            current = cluster;
            System.setProperty("spring.data.redis.cluster.nodes", cluster.nodes());
            System.setProperty("herald.test.redis-url", cluster.url());
            return;
        }
        TestRedis redis = TestRedis.create();
        context.getStore(NAMESPACE).put(TestRedis.class, redis);
        current = redis;
        System.setProperty("spring.data.redis.url", redis.url());
        System.setProperty("herald.test.redis-url", redis.url());
    }

    private static boolean wantsCluster(ExtensionContext context) {
        return context.getTestClass()
                .map(type -> org.junit.platform.commons.support.AnnotationSupport.isAnnotated(type, RealRedisCluster.class))
                .orElse(false);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestRedis redis = context.getStore(NAMESPACE).remove(TestRedis.class, TestRedis.class);
        if (redis == null) {
            return;
        }
        if (Boolean.TRUE.equals(context.getStore(NAMESPACE).get(FAILED))) {
            System.err.println("---- redis log (" + redis.url() + ") ----\n" + redis.logTail(40));
        }
        if (!redis.isCluster()) {
            redis.close(); // the shared cluster outlives the class; SharedCluster stops it
        }
        current = null;
        System.clearProperty("spring.data.redis.url");
        System.clearProperty("spring.data.redis.cluster.nodes");
        System.clearProperty("herald.test.redis-url");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Optional<ExtensionContext> classContext = context.getParent();
        classContext.ifPresent(parent -> parent.getStore(NAMESPACE).put(FAILED, Boolean.TRUE));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return current();
    }
}
