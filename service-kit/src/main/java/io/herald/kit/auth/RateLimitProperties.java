package io.herald.kit.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Write rate limit per API key ({@code herald.rate-limit.*}), shared by all instances through Redis.
 *
 * @param enabled whether write requests are limited at all
 * @param perSecond sustained write requests per second and key
 * @param burst how many write requests a key may send at once after a quiet spell
 * @param bootstrapKeyExempt whether the key from {@code HERALD_API_KEY} is exempt (the operator's
 *     own key, used by start.sh's examples, the benchmark and the acceptance tests)
 */
@ConfigurationProperties("herald.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") long perSecond,
                           @DefaultValue("1000") long burst, @DefaultValue("true") boolean bootstrapKeyExempt) {
}
