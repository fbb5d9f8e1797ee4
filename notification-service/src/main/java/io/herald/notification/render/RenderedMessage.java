package io.herald.notification.render;

/**
 * One recipient's message on one channel, ready to queue.
 *
 * @param to the address on the channel (e-mail address, phone number, device token)
 * @param subject e-mail subject or push title; for SMS the rendered subject, which senders may ignore
 * @param body plain-text body: e-mail text part, the SMS text (at most 160 characters), the push body
 * @param html the e-mail HTML part; null on other channels
 */
public record RenderedMessage(String to, String subject, String body, String html) {
}
