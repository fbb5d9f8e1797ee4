package io.herald.channel.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.channel.delivery.ChannelSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class FaultySenderTests {

    private final AtomicInteger calls = new AtomicInteger();
    private final ChannelSender sms = new ChannelSender() {
        @Override
        public String channel() {
            return "sms";
        }

        @Override
        public Mono<SendResult> send(Notification notification) {
            calls.incrementAndGet();
            return Mono.just(SendResult.delivered());
        }
    };
    private final Notification notification = new Notification("c:u1:sms", "c", "u1", "sms", "+441", "s", "b", null, 1, null);

    @Test
    void aFailedSendIsATemporaryErrorThatNeverReachesTheProvider() {
        FaultySender sender = new FaultySender(sms, new FaultProperties(1.0, 0, List.of()));
        assertThatThrownBy(() -> sender.send(notification).block()).isInstanceOf(FaultySender.InjectedFault.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aHungSendNeverCompletes() {
        FaultySender sender = new FaultySender(sms, new FaultProperties(0, 1.0, List.of()));
        assertThatThrownBy(() -> sender.send(notification).timeout(Duration.ofMillis(200)).block())
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aboutTheConfiguredShareOfSendsFailsAndTheRestIsDelivered() {
        FaultySender sender = new FaultySender(sms, new FaultProperties(0.3, 0, List.of()));
        int failed = 0;
        for (int i = 0; i < 10_000; i++) {
            try {
                sender.send(notification).block();
            } catch (FaultySender.InjectedFault e) {
                failed++;
            }
        }
        assertThat(failed).isBetween(2700, 3300);
        assertThat(calls).hasValue(10_000 - failed);
    }

    @Test
    void theSwitchIsOffByDefaultAndCanBeLimitedToSomeChannels() {
        assertThat(new FaultProperties(0, 0, List.of()).affects("sms")).isFalse();
        assertThat(new FaultProperties(0.3, 0, List.of("email")).affects("sms")).isFalse();
        assertThat(new FaultProperties(0.3, 0, List.of("email")).affects("email")).isTrue();
        assertThat(new FaultProperties(0, 0.1, null).affects("push")).isTrue();
        assertThatThrownBy(() -> new FaultProperties(0.8, 0.5, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
