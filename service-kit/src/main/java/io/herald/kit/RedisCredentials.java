package io.herald.kit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code spring.data.redis.username} / {@code password} (a service's Redis ACL user) count
 * when {@code spring.data.redis.url} is set too — and Herald always sets it. Spring Boot takes the
 * credentials from the URL whenever there is one (for standalone and cluster connections alike)
 * and then ignores the two properties, so they are written into the URL here. A URL that carries
 * credentials of its own ({@code redis://user:pass@host}) is left as it is.
 */
final class RedisCredentials {

    private RedisCredentials() {
    }

    static void apply(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.data.redis.url");
        String username = environment.getProperty("spring.data.redis.username");
        String password = environment.getProperty("spring.data.redis.password");
        if (url == null || url.isBlank() || password == null || password.isEmpty()) {
            return;
        }
        URI uri = URI.create(url);
        if (uri.getRawUserInfo() != null) {
            return;
        }
        String userInfo = encode(username == null ? "" : username) + ":" + encode(password);
        String withCredentials = uri.getScheme() + "://" + userInfo + "@" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        environment.getPropertySources().addFirst(new MapPropertySource("heraldRedisCredentials",
                Map.of("spring.data.redis.url", withCredentials)));
    }

    /** Percent-encodes all but RFC 3986's unreserved characters. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
