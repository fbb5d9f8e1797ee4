/**
 * The {@code user-service} consumer of {@code campaigns}: turns each created campaign into
 * {@code user_audience_resolved} batches on {@code audiences}, each recipient exactly once.
 */
package io.herald.user.audience;
