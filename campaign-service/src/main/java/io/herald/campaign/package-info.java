/**
 * campaign-service: the front door of Herald, by feature.
 *
 * <ul>
 *   <li>{@code store}: the core — a campaign as events in {@code campaigns}, its projection
 *       {@code campaign:<id>}, the atomic steps that append its own events, the reads</li>
 *   <li>{@code create}, {@code cancel}, {@code query}: the HTTP API</li>
 *   <li>{@code schedule}: releasing scheduled campaigns exactly once</li>
 *   <li>{@code completion}: RESOLVING and COMPLETED, which no event of another service announces</li>
 *   <li>{@code progress}: the server-sent progress stream</li>
 * </ul>
 */
package io.herald.campaign;
