package io.herald.eventstore;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event payloads (Jackson). Thread-safe; one instance may be shared by a whole service.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The payload as a JSON object string. */
    public String encode(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** An envelope for {@code payload} with a random id. */
    public EventEnvelope envelope(String event, Object payload) {
        return EventEnvelope.of(event, encode(payload));
    }

    /** An envelope for {@code payload} with the given (deterministic) id. */
    public EventEnvelope envelope(String id, String event, Object payload) {
        return EventEnvelope.withId(id, event, encode(payload));
    }

    /**
     * Reads an envelope's {@code data} as {@code type}.
     *
     * @throws MalformedEntryException when the JSON does not parse or does not fit the type
     */
    public <T> T decode(EventEnvelope envelope, Class<T> type) {
        return decode(envelope.data(), type);
    }

    /** Reads a JSON string as {@code type}; {@link MalformedEntryException} when it does not fit. */
    public <T> T decode(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedEntryException("data is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
