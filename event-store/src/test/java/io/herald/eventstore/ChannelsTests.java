package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsTests {

    @Test
    void autoMeansOnePartitionOnASingleRedisAndThreeOnACluster() {
        assertThat(Channels.of(List.of("email"), "auto", false).partitions()).isEqualTo(1);
        assertThat(Channels.of(List.of("email"), "auto", true).partitions()).isEqualTo(3);
        assertThat(Channels.of(List.of("email"), null, true).partitions()).isEqualTo(3);
        assertThat(Channels.of(List.of("email"), "5", true).partitions()).isEqualTo(5);
    }

    @Test
    void onePartitionKeepsTheSingleStreamName() {
        Channels channels = Channels.of(List.of("email"), "1", true);

        assertThat(channels.bulkStreams("email")).containsExactly("notify:email");
        assertThat(channels.bulkStream("email", "42")).isEqualTo("notify:email");
        assertThat(channels.streams("email")).containsExactly("notify:email:priority", "notify:email");
    }

    @Test
    void aUserAlwaysLandsOnTheSamePartitionAmongAllOfThem() {
        Channels channels = new Channels(List.of("email", "sms"), 3);

        assertThat(channels.bulkStreams("sms")).containsExactly("notify:sms:0", "notify:sms:1", "notify:sms:2");
        assertThat(channels.bulkStreams("email")).contains(channels.bulkStream("email", "1234"));
        assertThat(channels.bulkStream("email", "1234")).isEqualTo(channels.bulkStream("email", "1234"));
        assertThat(channels.bulkStream("email", "1234")).endsWith(":" + StreamKeys.partitionOf("1234", 3));
    }

    @Test
    void autoOnAClusterPutsAPartitionOfEmailAndOfSmsOnEachMasterOfADefaultThreeMasterCluster() {
        Channels channels = Channels.of(List.of("email", "sms"), "auto", true);
        for (String channel : channels.names()) {
            // redis-cli --cluster create splits the 16384 slots into three equal ranges
            assertThat(channels.bulkStreams(channel).stream()
                    .map(stream -> io.lettuce.core.cluster.SlotHash.getSlot(stream) * 3 / 16384)
                    .distinct().count()).as(channel).isEqualTo(3);
        }
    }

    @Test
    void oneRuleRejectsBadNamesRepeatsAndPartitionCounts() {
        assertThatThrownBy(() -> Channels.of(List.of(), "1", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channels.of(List.of("e mail"), "1", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channels.of(List.of("email", "email"), "1", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channels.of(List.of("email"), "0", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channels.of(List.of("email"), "65", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channels.of(List.of("email"), "many", false))
                .hasMessageContaining("auto or a number");
    }
}
