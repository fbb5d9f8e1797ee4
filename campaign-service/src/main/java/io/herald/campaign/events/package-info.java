/** Payloads ({@code data}) of the events campaign-service writes and reads (docs/design.md). */
package io.herald.campaign.events;
