/**
 * Fault injection for drills ({@code bench/drills.sh}): makes the channel senders fail or hang
 * at random on purpose. Off by default; never enable it in production.
 */
package io.herald.channel.fault;
