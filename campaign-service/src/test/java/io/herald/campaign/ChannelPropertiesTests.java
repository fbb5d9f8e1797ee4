package io.herald.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPropertiesTests {

    @Test
    void onePartitionKeepsTheDesignStreamName() {
        assertThat(new ChannelProperties(List.of("email"), 1).streamsOf("email")).containsExactly("notify:email");
    }

    @Test
    void progressOfAPartitionedChannelIsReadFromEveryPartition() {
        assertThat(new ChannelProperties(List.of("email"), 3).streamsOf("email"))
                .containsExactly("notify:email:0", "notify:email:1", "notify:email:2");
    }

    @Test
    void onlyConfiguredChannelsAreKnown() {
        ChannelProperties channels = new ChannelProperties(List.of("email", "sms"), 1);
        assertThat(channels.knows("sms")).isTrue();
        assertThat(channels.knows("push")).isFalse();
        assertThatThrownBy(() -> new ChannelProperties(List.of("email"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
