/**
 * What every Herald service shares so that none writes it again: the {@code X-API-Key} check on
 * {@code /api/**}, problem+json for every error (503 while Redis is unreachable), a request body
 * limit, health groups and metrics defaults, the Redis connections and the lifecycle of stream
 * consumers. Activated by auto-configuration when the jar is on the classpath.
 */
package io.herald.kit;
