package io.herald.channel.fault;

import io.herald.channel.delivery.ChannelSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.SendResult;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * A sender that misbehaves on purpose before its delegate is called: per send, a random draw
 * fails it with a temporary error ({@code failureRate}), hangs it forever ({@code hangRate}), or
 * passes it on. A failed or hung send never reaches the provider.
 */
final class FaultySender implements ChannelSender {

    /** The temporary error of an injected failure. */
    static final class InjectedFault extends RuntimeException {
        InjectedFault() {
            super("fault injected by herald.fault.failure-rate", null, false, false);
        }
    }

    private final ChannelSender delegate;
    private final FaultProperties faults;

    FaultySender(ChannelSender delegate, FaultProperties faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public String channel() {
        return delegate.channel();
    }

    @Override
    public Mono<SendResult> send(Notification notification) {
        return Mono.defer(() -> {
            double draw = ThreadLocalRandom.current().nextDouble();
            if (draw < faults.failureRate()) {
                return Mono.error(new InjectedFault());
            }
            if (draw < faults.failureRate() + faults.hangRate()) {
                return Mono.never();
            }
            return delegate.send(notification);
        });
    }
}
