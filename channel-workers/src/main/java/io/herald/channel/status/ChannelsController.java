package io.herald.channel.status;

import io.herald.eventstore.Channels;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.DeadLetters;
import io.herald.kit.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The channels' state and their dead letters (docs/design.md §4): {@code GET /api/v1/channels},
 * {@code GET /api/v1/channels/{channel}/dead-letters?limit=1..1000} (newest first, default 50) and
 * {@code POST /api/v1/channels/{channel}/dead-letters/replay?max=1..10000} (202
 * {@code {replayed}}, default 1000, oldest first). An unknown channel is 404.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelsController {

    private final Channels channels;
    private final ChannelStats stats;
    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    ChannelsController(Channels channels, ChannelStats stats, DeadLetters deadLetters,
                       DeadLetterReplay replay) {
        this.channels = channels;
        this.stats = stats;
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    @GetMapping
    Mono<List<ChannelStatus>> channels() {
        return stats.all();
    }

    @GetMapping("/{channel}")
    Mono<ChannelStatus> channel(@PathVariable String channel) {
        return stats.channel(known(channel));
    }

    @GetMapping("/{channel}/dead-letters")
    Mono<List<DeadLetterView>> deadLetters(@PathVariable String channel,
                                           @RequestParam(defaultValue = "50") int limit) {
        inRange("limit", limit, 1000);
        return deadLetters.newest(StreamKeys.deadLetters(known(channel)), limit).map(DeadLetterView::of).collectList();
    }

    @PostMapping("/{channel}/dead-letters/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Long>> replay(@PathVariable String channel, @RequestParam(defaultValue = "1000") int max) {
        inRange("max", max, 10_000);
        return replay.replay(known(channel), max).map(replayed -> Map.of("replayed", replayed));
    }

    private String known(String channel) {
        if (!channels.knows(channel)) {
            throw ProblemException.notFound("channel '" + channel + "'");
        }
        return channel;
    }

    private static void inRange(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw ProblemException.invalidField(field, "must be between 1 and " + max);
        }
    }
}
