/**
 * campaign-service: the front door of Herald. A campaign is a series of events in the
 * {@code campaigns} stream (plus what {@code audiences} and the progress counters tell about it);
 * the hash {@code campaign:<id>} is a projection of them that can be rebuilt at any time.
 *
 * <ul>
 *   <li>{@code ledger}: the atomic steps that append a campaign's own events (Lua, one slot)</li>
 *   <li>{@code history}: projection, per-campaign event index, the consumers that keep them, rebuild</li>
 *   <li>{@code create}, {@code query}, {@code cancel}: the HTTP API</li>
 *   <li>{@code progress}: counters, completion and the server-sent progress stream</li>
 *   <li>{@code schedule}: releasing scheduled campaigns exactly once</li>
 * </ul>
 */
package io.herald.campaign;
