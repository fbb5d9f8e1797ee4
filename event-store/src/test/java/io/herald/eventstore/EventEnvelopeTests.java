package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventEnvelopeTests {

    private static final EventEnvelope EVENT = new EventEnvelope(EventNames.MESSAGE_QUEUED,
            "{\"notificationId\":\"c-1:u-1:email\"}", "6f1c2b1e-2c1f-4a35-9d59-6f6d0f1b2a11",
            Instant.parse("2026-11-25T21:00:00.123Z"), EventEnvelope.CURRENT_VERSION);

    @Test
    void anEnvelopeSurvivesTheRoundTripThroughStreamFields() {
        assertThat(EventEnvelope.fromFields(EVENT.toFields())).isEqualTo(EVENT);
    }

    @Test
    void streamFieldsAreExactlyTheFiveOfTheDesignAllStrings() {
        assertThat(EVENT.toFields()).containsExactly(
                Map.entry("event", "notification_message_queued"),
                Map.entry("data", "{\"notificationId\":\"c-1:u-1:email\"}"),
                Map.entry("id", "6f1c2b1e-2c1f-4a35-9d59-6f6d0f1b2a11"),
                Map.entry("occurredAt", "2026-11-25T21:00:00.123Z"),
                Map.entry("v", "1"));
    }

    @Test
    void fieldsBeyondTheFiveAreIgnored() {
        Map<String, String> fields = new LinkedHashMap<>(EVENT.toFields());
        fields.put("traceparent", "00-abc-def-01");

        assertThat(EventEnvelope.fromFields(fields)).isEqualTo(EVENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "data", "id", "occurredAt", "v"})
    void anEntryMissingAFieldIsMalformed(String field) {
        Map<String, String> fields = new LinkedHashMap<>(EVENT.toFields());
        fields.remove(field);

        assertThatThrownBy(() -> EventEnvelope.fromFields(fields))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("'" + field + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "data", "id", "occurredAt", "v"})
    void anEntryWithAnEmptyFieldIsMalformed(String field) {
        Map<String, String> fields = new LinkedHashMap<>(EVENT.toFields());
        fields.put(field, "");

        assertThatThrownBy(() -> EventEnvelope.fromFields(fields)).isInstanceOf(MalformedEntryException.class);
    }

    @Test
    void anEntryWithoutFieldsIsMalformed() {
        assertThatThrownBy(() -> EventEnvelope.fromFields(Map.of())).isInstanceOf(MalformedEntryException.class);
        assertThatThrownBy(() -> EventEnvelope.fromFields(null)).isInstanceOf(MalformedEntryException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "not json", "{\"open\": true"})
    void dataThatIsNotAJsonObjectIsMalformed(String data) {
        Map<String, String> fields = new LinkedHashMap<>(EVENT.toFields());
        fields.put("data", data);

        assertThatThrownBy(() -> EventEnvelope.fromFields(fields))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("data");
    }

    @Test
    void aSyntaxErrorInsideDataIsFoundWhenTheDataIsDecoded() {
        Map<String, String> fields = new LinkedHashMap<>(EVENT.toFields());
        fields.put("data", "{\"n\": oops}");
        EventEnvelope envelope = EventEnvelope.fromFields(fields);

        assertThatThrownBy(() -> new EventCodec().decode(envelope, Map.class))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("oops");
    }

    @Test
    void anOccurredAtThatIsNotAnInstantIsMalformed() {
        Map<String, String> fields = new LinkedHashMap<>(EVENT.toFields());
        fields.put("occurredAt", "yesterday");

        assertThatThrownBy(() -> EventEnvelope.fromFields(fields))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("occurredAt");
    }

    @Test
    void deterministicIdsAreStableAndDistinguishNames() {
        String id = EventEnvelope.deterministicId("c-1:u-1:email");

        assertThat(EventEnvelope.deterministicId("c-1:u-1:email")).isEqualTo(id);
        assertThat(EventEnvelope.deterministicId("c-1:u-2:email")).isNotEqualTo(id);
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(3);
    }

    @Test
    void newEnvelopesGetARandomIdAndTheCurrentVersion() {
        EventEnvelope first = EventEnvelope.of(EventNames.CAMPAIGN_CREATED, "{}");
        EventEnvelope second = EventEnvelope.of(EventNames.CAMPAIGN_CREATED, "{}");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.version()).isEqualTo(EventEnvelope.CURRENT_VERSION);
    }
}
