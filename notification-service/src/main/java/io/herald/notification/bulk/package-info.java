/**
 * Campaign notifications: the consumer of {@code audiences} (group {@code notification-service})
 * that renders each audience batch and queues it on the channel streams exactly once per stream,
 * counting {@code targeted} with the same atomic step, then records the batch in
 * {@code rendered:<campaignId>} before the batch is acknowledged.
 */
package io.herald.notification.bulk;
