package io.herald.campaign.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelProgressTests {

    @Test
    void channelIsSettledWhenEveryTargetedNotificationHasAnOutcome() {
        assertThat(ChannelProgress.of(Map.of("targeted", "4", "delivered", "1", "failed", "1", "deadLettered", "1"))
                .settled()).isFalse();
        assertThat(ChannelProgress.of(Map.of("targeted", "4", "delivered", "1", "failed", "1", "deadLettered", "1",
                "cancelled", "1")).settled()).isTrue();
        assertThat(ChannelProgress.of(Map.of()).settled()).isTrue();
    }

    @Test
    void partitionsAreSummed() {
        ChannelProgress sum = ChannelProgress.of(Map.of("targeted", "2", "delivered", "2"))
                .plus(ChannelProgress.of(Map.of("targeted", "3", "failed", "1")));
        assertThat(sum).isEqualTo(new ChannelProgress(5, 2, 1, 0, 0));
        assertThat(sum.settled()).isFalse();
    }
}
