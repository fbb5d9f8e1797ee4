package io.herald.bench.jmh;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every queued notification costs on both sides of a stream: the payload to JSON and an
 * envelope to stream fields (notification-service), and back (channel-workers).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EnvelopeBenchmark {

    private EventCodec codec;
    private QueuedMessage message;
    private EventEnvelope envelope;
    private Map<String, String> fields;

    @Setup
    public void setUp() {
        codec = new EventCodec();
        message = QueuedMessage.sample(1);
        envelope = codec.envelope(EventEnvelope.deterministicId("notification:" + message.notificationId()),
                EventNames.MESSAGE_QUEUED, message);
        fields = envelope.toFields();
    }

    /** Payload record → JSON, then the envelope with a deterministic id (the producer side). */
    @Benchmark
    public Map<String, String> encode() {
        return codec.envelope(EventEnvelope.deterministicId("notification:" + message.notificationId()),
                EventNames.MESSAGE_QUEUED, message).toFields();
    }

    /** Stream fields → envelope → payload record (the consumer side). */
    @Benchmark
    public QueuedMessage decode() {
        return codec.decode(EventEnvelope.fromFields(fields), QueuedMessage.class);
    }

    @Benchmark
    public Map<String, String> envelopeToFields() {
        return envelope.toFields();
    }

    @Benchmark
    public EventEnvelope envelopeFromFields() {
        return EventEnvelope.fromFields(fields);
    }

    @Benchmark
    public String deterministicId() {
        return EventEnvelope.deterministicId("notification:" + message.notificationId());
    }
}
