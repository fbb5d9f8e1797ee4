package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RedisCredentialsTests {

    @Test
    void theServicesAclUserGoesIntoTheUrlBootWouldOtherwiseTakeCredentialsFrom() {
        StandardEnvironment environment = environment(Map.of("spring.data.redis.url", "redis://127.0.0.1:6390",
                "spring.data.redis.username", "herald-workers", "spring.data.redis.password", "p@ss word"));
        RedisCredentials.apply(environment);
        assertThat(environment.getProperty("spring.data.redis.url"))
                .isEqualTo("redis://herald-workers:p%40ss%20word@127.0.0.1:6390");
    }

    @Test
    void aUrlWithCredentialsOfItsOwnOrNoPasswordIsLeftAlone() {
        StandardEnvironment own = environment(Map.of("spring.data.redis.url", "redis://:secret@redis:6379",
                "spring.data.redis.username", "herald-user", "spring.data.redis.password", "other"));
        RedisCredentials.apply(own);
        assertThat(own.getProperty("spring.data.redis.url")).isEqualTo("redis://:secret@redis:6379");

        StandardEnvironment none = environment(Map.of("spring.data.redis.url", "redis://127.0.0.1:6379"));
        RedisCredentials.apply(none);
        assertThat(none.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
