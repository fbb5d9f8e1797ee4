package io.herald.user;

import io.herald.eventstore.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An envelope as the flat field/value arguments a Lua script passes to {@code XADD}. */
public final class EnvelopeArgs {

    private EnvelopeArgs() {
    }

    /** {@code event, <event>, data, <json>, id, <id>, occurredAt, <instant>, v, 1}. */
    public static List<String> of(EventEnvelope envelope) {
        List<String> args = new ArrayList<>(10);
        for (Map.Entry<String, String> field : envelope.toFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        return args;
    }
}
