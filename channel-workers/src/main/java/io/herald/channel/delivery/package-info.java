/**
 * Delivery of queued notifications: the {@link io.herald.channel.delivery.ChannelSender} SPI, the
 * consumers of every channel stream ({@link io.herald.channel.delivery.ChannelWorkers}) and the
 * handler that settles each notification as delivered, failed, dead-lettered or cancelled.
 */
package io.herald.channel.delivery;
