package io.herald.kit.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored API keys are looked up ({@code herald.api-keys.*}).
 *
 * @param cacheTtl how long an instance reuses what Redis said about a secret; the upper bound on
 *     how long a revoked or rotated key keeps working on an instance
 * @param cacheSize how many secrets an instance remembers at most
 */
@ConfigurationProperties("herald.api-keys")
record ApiKeyProperties(@DefaultValue("2s") Duration cacheTtl, @DefaultValue("10000") int cacheSize) {
}
