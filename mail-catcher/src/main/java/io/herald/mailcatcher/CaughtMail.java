package io.herald.mailcatcher;

import java.time.Instant;

/**
 * One received mail as the catcher keeps it: the envelope recipient, the headers people look at
 * and the plain-text body (cut at {@link Inbox#MAX_TEXT} characters).
 *
 * @param id sequence number of arrival, from 1
 */
record CaughtMail(long id, Instant receivedAt, String to, String from, String subject, String messageId, String text) {
}
