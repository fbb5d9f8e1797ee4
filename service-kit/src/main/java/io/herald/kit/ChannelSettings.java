package io.herald.kit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two channel properties every service binds, turned into the one {@link io.herald.eventstore.Channels}
 * bean by {@link HeraldKitAutoConfiguration}: keep them equal in every service of a deployment.
 *
 * @param channels {@code herald.channels}: the channel names ({@code HERALD_CHANNELS})
 * @param channelPartitions {@code herald.channel-partitions}: P, or {@code auto} — 1 on a single Redis,
 *     3 on a cluster ({@code HERALD_CHANNEL_PARTITIONS})
 */
@ConfigurationProperties("herald")
record ChannelSettings(@DefaultValue({"email", "sms", "push"}) List<String> channels,
                       @DefaultValue("auto") String channelPartitions) {
}
