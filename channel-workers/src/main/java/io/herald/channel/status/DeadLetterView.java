package io.herald.channel.status;

import io.herald.eventstore.consumer.DeadLetters;
import java.util.Map;

/**
 * One dead letter as the API shows it.
 *
 * @param id its id in {@code dlq:<channel>}
 * @param stream the stream it came from
 * @param entryId its entry id there
 * @param error why its last attempt failed
 * @param attempts attempts made
 * @param failedAt when it was dead-lettered
 * @param entry the original entry's fields ({@code event}, {@code data}, {@code id}, …)
 */
record DeadLetterView(String id, String stream, String entryId, String error, long attempts, String failedAt,
                      Map<String, String> entry) {

    static DeadLetterView of(DeadLetters.DeadLetter letter) {
        Map<String, String> fields = letter.fields();
        String attempts = fields.getOrDefault(DeadLetters.ATTEMPTS, "0");
        return new DeadLetterView(letter.id(), fields.get(DeadLetters.SOURCE_STREAM),
                fields.get(DeadLetters.SOURCE_ENTRY_ID), fields.get(DeadLetters.ERROR),
                attempts.chars().allMatch(Character::isDigit) && !attempts.isEmpty() ? Long.parseLong(attempts) : 0L,
                fields.get(DeadLetters.FAILED_AT), letter.original());
    }
}
