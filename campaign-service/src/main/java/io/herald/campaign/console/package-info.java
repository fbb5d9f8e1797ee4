/**
 * The Herald console: the operator's web page at {@code /} (static files under {@code static/}) and
 * the {@code /api/v1/console/**} endpoints it needs beyond the campaign API.
 *
 * <p>Where its data lives decides how it is read. Campaigns are this service's own. Stream state
 * (lengths, groups, consumers, pending entries, newest entries) is read <em>directly from Redis,
 * read-only</em> ({@link io.herald.campaign.console.StreamInspector}): it is plain Redis data that
 * no service owns more than another, and reading it here costs one pipelined round trip instead of
 * a hop through another service. Users, categories, dead letters and replay belong to user-service
 * and channel-workers, which hold the rules for them (the e-mail index, the replay script that
 * un-counts a dead letter): the page reaches them through same-origin proxy endpoints
 * ({@link io.herald.campaign.console.ServiceProxy}) that forward the caller's {@code X-API-Key},
 * so the browser never needs the other services' ports, and the console works the same behind one
 * published port (Docker) as locally.
 */
package io.herald.campaign.console;
