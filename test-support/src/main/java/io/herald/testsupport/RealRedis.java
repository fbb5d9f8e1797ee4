package io.herald.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real Redis (see {@link TestRedis#create()}), started before
 * its first test and stopped after its last.
 *
 * <p>Place it <em>before</em> {@code @SpringBootTest} so that Redis outlives the Spring context
 * (JUnit runs after-all callbacks in reverse order), and mark Spring tests
 * {@code @DirtiesContext} so a cached context never points at a stopped server. The URL is set as
 * the system properties {@code spring.data.redis.url} and {@code herald.test.redis-url} before
 * the context starts; a test method or constructor may also take a {@link TestRedis} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealRedisExtension.class)
public @interface RealRedis {
}
