/** Payloads ({@code data}) of the events campaign-service writes and reads (docs/contracts.md). */
package io.herald.campaign.events;
