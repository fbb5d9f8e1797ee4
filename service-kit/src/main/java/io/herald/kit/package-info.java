/**
 * What every Herald service shares so that none writes it again: scoped API keys and rate limits
 * on {@code /api/**} ({@code auth}), request ids, security headers and strict paths
 * ({@code web}), masked personal data in logs ({@code logging}), problem+json for every error
 * (503 while Redis is unreachable), a request body limit, health groups and metrics defaults, the
 * Redis connections and the lifecycle of stream consumers. Activated by auto-configuration when
 * the jar is on the classpath.
 */
package io.herald.kit;
