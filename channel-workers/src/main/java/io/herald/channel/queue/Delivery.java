package io.herald.channel.queue;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One delivery of a message, as fetch answers it.
 *
 * @param receipt the opaque token that acknowledges or requeues this delivery, and only this one
 * @param id the message id (the envelope id given at publication), the same on every delivery
 * @param body the JSON object as published, embedded byte for byte
 * @param deliveries how many times the message has been delivered, this delivery included
 */
record Delivery(String receipt, String id, @JsonRawValue String body, long deliveries) {
}
