package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MalformedEntryIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";
    private static final String DEAD_LETTERS = StreamKeys.deadLetters("email");

    private final EventCodec codec = new EventCodec();

    @Test
    void malformedEntriesGoStraightToDeadLettersAndTheEntriesAfterThemAreStillHandled() {
        Map<String, Integer> callsPerEntry = new ConcurrentHashMap<>();
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1").withDeadLetterStream(DEAD_LETTERS), entry -> {
            callsPerEntry.merge(entry.id(), 1, Integer::sum);
            EventEnvelope event = entry.envelope();
            codec.decode(event, Map.class);
            return Mono.just(delivered(entry));
        });

        harness.append(STREAM, 0, 1);
        String badJson = xadd(fields("event-bad-json", "{\"n\": oops}"));
        Map<String, String> withoutId = fields("event-no-id", "{\"n\":2}");
        withoutId.remove(EventEnvelope.ID);
        String missingField = xadd(withoutId);
        harness.append(STREAM, 3, 1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> harness.deliveredCount(STREAM) == 2 && harness.redis().xlen(DEAD_LETTERS) == 2);
        assertThat(harness.deliveredRecords(STREAM)).containsOnlyKeys("event-0", "event-3");
        List<StreamMessage<String, String>> letters = harness.redis().xrange(DEAD_LETTERS, Range.unbounded());
        assertThat(letters).extracting(letter -> letter.getBody().get(DeadLetters.SOURCE_ENTRY_ID))
                .containsExactlyInAnyOrder(badJson, missingField);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getBody().get(DeadLetters.ERROR)).startsWith("MalformedEntryException");
            assertThat(letter.getBody()).containsEntry(DeadLetters.ATTEMPTS, "1");
        });
        DeadLetters deadLetters = new DeadLetters(harness.connections.commands());
        assertThat(deadLetters.newest(DEAD_LETTERS, 1).collectList().block(Duration.ofSeconds(10)))
                .singleElement()
                .satisfies(newest -> assertThat(newest.original()).doesNotContainKey(EventEnvelope.ID)
                        .containsEntry(EventEnvelope.DATA, "{\"n\":2}"));
        assertThat(callsPerEntry.get(badJson)).as("a malformed entry is never retried").isEqualTo(1);
        assertThat(callsPerEntry.get(missingField)).isEqualTo(1);
        assertThat(harness.pending(STREAM, GROUP)).isZero();
        assertThat(harness.redis().zcard(StreamKeys.retries(STREAM, GROUP))).isZero();
    }

    private String xadd(Map<String, String> fields) {
        return harness.redis().xadd(STREAM, fields);
    }

    private static Map<String, String> fields(String id, String data) {
        return new LinkedHashMap<>(EventEnvelope.withId(id, "test_event_happened", data).toFields());
    }
}
