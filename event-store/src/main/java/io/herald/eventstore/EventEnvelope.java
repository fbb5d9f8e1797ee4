package io.herald.eventstore;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a Herald stream, exactly the fields of docs/design.md §2, all strings on the wire:
 * {@code event}, {@code data} (a JSON object), {@code id} (UUID, stable across re-publication),
 * {@code occurredAt} (ISO-8601 UTC) and {@code v} (schema version of {@code data}).
 *
 * <p>Immutable and thread-safe.
 */
public record EventEnvelope(String event, String data, String id, Instant occurredAt, String version) {

    public static final String EVENT = "event";
    public static final String DATA = "data";
    public static final String ID = "id";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String VERSION = "v";
    public static final String CURRENT_VERSION = "1";

    public EventEnvelope {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(version, "version");
    }

    /** A new event with a random id, occurring now. */
    public static EventEnvelope of(String event, String dataJson) {
        return withId(UUID.randomUUID().toString(), event, dataJson);
    }

    /**
     * An event with a caller-chosen id, occurring now: use a deterministic id (see
     * {@link #deterministicId(String)}) when the same event may be published twice, so that
     * consumers can recognise the second copy.
     */
    public static EventEnvelope withId(String id, String event, String dataJson) {
        return new EventEnvelope(event, dataJson, id, Instant.now(), CURRENT_VERSION);
    }

    /** A name-based (version 3) UUID: the same name always gives the same id. */
    public static String deterministicId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** The stream fields in their canonical order. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>(8);
        fields.put(EVENT, event);
        fields.put(DATA, data);
        fields.put(ID, id);
        fields.put(OCCURRED_AT, occurredAt.toString());
        fields.put(VERSION, version);
        return fields;
    }

    /**
     * The stream fields as alternating names and values in their canonical order, as a Lua script
     * passes them to {@code XADD}: {@code event, <event>, data, <json>, id, <id>, occurredAt, <instant>, v, <v>}.
     */
    public List<String> toArgs() {
        return List.of(EVENT, event, DATA, data, ID, id, OCCURRED_AT, occurredAt.toString(), VERSION, version);
    }

    /**
     * Reads an entry's fields.
     *
     * <p>{@code data} is checked only for the shape of a JSON object: it starts with an opening and
     * ends with a closing curly brace, which also catches truncation. Its full syntax is checked
     * when it is decoded ({@link EventCodec#decode(EventEnvelope, Class)}, which throws the same
     * exception), so that each entry is parsed once.
     *
     * @throws MalformedEntryException when a field is missing or empty, {@code occurredAt} is not an
     *     instant, or {@code data} is not shaped like a JSON object
     */
    public static EventEnvelope fromFields(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new MalformedEntryException("entry has no fields");
        }
        String event = required(fields, EVENT);
        String data = required(fields, DATA);
        String trimmed = data.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new MalformedEntryException("field 'data' is not a JSON object");
        }
        try {
            Instant occurredAt = parseInstant(required(fields, OCCURRED_AT));
            return new EventEnvelope(event, data, required(fields, ID), occurredAt, required(fields, VERSION));
        } catch (DateTimeParseException e) {
            throw new MalformedEntryException("field 'occurredAt' is not an ISO-8601 instant", e);
        }
    }

    private record ParsedInstant(String text, Instant instant) {
    }

    /**
     * The last {@code occurredAt} parsed. The entries a producer writes in one step share their
     * {@code occurredAt} (a rendered batch: hundreds of entries), and {@code Instant.parse} was a
     * seventh of a channel worker's CPU in the benchmark's profile; one remembered value avoids
     * nearly all of it. A race only costs a parse.
     */
    private static volatile ParsedInstant lastParsed = new ParsedInstant("", Instant.EPOCH);

    private static Instant parseInstant(String text) {
        ParsedInstant last = lastParsed;
        if (last.text().equals(text)) {
            return last.instant();
        }
        Instant instant = Instant.parse(text);
        lastParsed = new ParsedInstant(text, instant);
        return instant;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedEntryException("missing field '" + name + "'");
        }
        return value;
    }
}
