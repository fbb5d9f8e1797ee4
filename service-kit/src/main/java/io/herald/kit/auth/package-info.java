/**
 * Who may call what: scoped API keys stored hashed in Redis ({@link io.herald.kit.auth.ApiKeyStore}),
 * the bootstrap admin key from {@code HERALD_API_KEY}, the scope each endpoint family needs, and
 * the write rate limit per key shared by every instance through Redis (Bucket4j).
 */
package io.herald.kit.auth;
