package io.herald.channel.delivery;

import io.herald.channel.ratelimit.RateLimiter;
import io.herald.eventstore.Channels;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.KitProperties;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.retention.TrimmedStreams;
import io.herald.kit.StreamConsumers;
import io.herald.kit.StreamSubscriptions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumers of this instance: for every channel of {@code herald.channels}, its own consumers
 * on the priority lane (so that a transactional notification never waits behind bulk traffic) and
 * {@code consumers-per-stream} consumers on each bulk stream, all in group
 * {@code herald.workers.group}. They start and stop with the application.
 *
 * @throws IllegalStateException at startup when a configured channel has no {@link ChannelSender}
 */
@Configuration(proxyBeanMethods = false)
class ChannelWorkers {

    private static final Logger log = LoggerFactory.getLogger(ChannelWorkers.class);

    @Bean
    StreamSubscriptions channelSubscriptions(Channels channels, WorkerProperties workers, List<ChannelSender> senders,
                                             StreamConsumers streamConsumers, RedisConnections connections,
                                             EventCodec codec, CancelledCampaigns cancellations,
                                             RateLimiter rateLimiter, KitProperties kit) {
        StreamSubscriptions subscriptions = new StreamSubscriptions();
        // bulk traffic on connections of its own: its 500-entry reads and completions never queue
        // ahead of a transactional notification's commands on the shared connection
        RedisConnections bulk = connections.lane();
        Map<String, ChannelSender> byChannel = senders.stream()
                .collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        for (String channel : channels.names()) {
            ChannelSender sender = byChannel.get(channel);
            if (sender == null) {
                throw new IllegalStateException("channel '" + channel + "' is in herald.channels but no ChannelSender "
                        + "serves it; senders: " + byChannel.keySet());
            }
            var priorityHandler = new DeliveryHandler(sender, codec, connections.commands(), cancellations,
                    rateLimiter, true, workers.priorityConcurrency(), kit.historyKept(), workers.recipientCheck());
            var bulkHandler = new DeliveryHandler(sender, codec, bulk.commands(), cancellations,
                    rateLimiter, false, workers.concurrency(), kit.historyKept(), workers.recipientCheck());
            String priorityStream = StreamKeys.priority(channel);
            for (int i = 0; i < workers.priorityConsumers(); i++) {
                subscriptions.perBatch(settings(streamConsumers, workers, channel, priorityStream, i)
                        .withBatchSize(workers.priorityBatchSize())
                        .withConcurrency(workers.priorityConcurrency()), priorityHandler);
            }
            for (String stream : channels.bulkStreams(channel)) {
                for (int i = 0; i < workers.consumersPerStream(); i++) {
                    subscriptions.perBatch(settings(streamConsumers, workers, channel, stream, i)
                            .withBatchSize(workers.bulkBatchSize(channel)), bulkHandler, bulk);
                }
            }
            log.info("channel {}: {} priority and {} bulk consumers per stream on {}, batches of {}, rate limit {}/s",
                    channel, workers.priorityConsumers(), workers.consumersPerStream(), channels.streams(channel),
                    workers.bulkBatchSize(channel),
                    workers.rateLimit(channel) == 0 ? "unlimited" : workers.rateLimit(channel));
        }
        return subscriptions;
    }

    /**
     * Every channel stream these workers consume (priority lanes and partitions) is trimmed as its
     * entries are acknowledged by every group reading it (docs/design.md §9).
     */
    @Bean
    TrimmedStreams channelStreamsTrimmed(Channels channels, WorkerProperties workers) {
        return new TrimmedStreams(channels.names().stream().flatMap(c -> channels.streams(c).stream()).toList(),
                List.of(workers.group()));
    }

    private static ConsumerSettings settings(StreamConsumers streamConsumers, WorkerProperties workers,
                                             String channel, String stream, int index) {
        return ConsumerSettings.of(stream, workers.group(), streamConsumers.consumerName(stream + "-" + index), workers)
                .withDeadLetterStream(StreamKeys.deadLetters(channel));
    }
}
