package io.herald.channel.status;

import io.herald.eventstore.Channels;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.DeadLetters;
import io.herald.kit.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The channels' state and their dead letters (docs/design.md §4): {@code GET /api/v1/channels},
 * {@code GET /api/v1/channels/{channel}/dead-letters?limit=1..1000&campaign=} (newest first,
 * default 50; {@code campaign} keeps only that campaign's),
 * {@code POST /api/v1/channels/{channel}/dead-letters/replay?max=1..10000&campaign=} (202
 * {@code {replayed}}, default 1000, oldest first; {@code campaign}: only that campaign's),
 * {@code POST /api/v1/channels/{channel}/dead-letters/{id}/replay} (202 {@code {replayed: 1}}, 404
 * when there is no such dead letter) and
 * {@code GET /api/v1/channels/{channel}/campaigns/{campaign}/undelivered?limit=1..1000} (a
 * campaign's failed, dead-lettered and cancelled notifications with their errors). An unknown
 * channel is 404.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelsController {

    private static final Pattern STREAM_ID = Pattern.compile("[0-9]{1,20}-[0-9]{1,20}");

    private final Channels channels;
    private final ChannelStats stats;
    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    private final DeadLetterSearch search;
    private final Undelivered undelivered;

    ChannelsController(Channels channels, ChannelStats stats, DeadLetters deadLetters,
                       DeadLetterReplay replay, DeadLetterSearch search, Undelivered undelivered) {
        this.channels = channels;
        this.stats = stats;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.search = search;
        this.undelivered = undelivered;
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
                                           @RequestParam(defaultValue = "50") int limit,
                                           @RequestParam(required = false) String campaign) {
        inRange("limit", limit, 1000);
        String stream = StreamKeys.deadLetters(known(channel));
        return (campaign == null ? deadLetters.newest(stream, limit)
                : search.newestOf(stream, campaignId(campaign), limit)).map(DeadLetterView::of).collectList();
    }

    @PostMapping("/{channel}/dead-letters/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Long>> replay(@PathVariable String channel, @RequestParam(defaultValue = "1000") int max,
                                   @RequestParam(required = false) String campaign) {
        inRange("max", max, 10_000);
        String name = known(channel);
        Mono<Long> replayed = campaign == null ? replay.replay(name, max)
                : replay.replay(name, search.oldestOf(StreamKeys.deadLetters(name), campaignId(campaign), max));
        return replayed.map(count -> Map.of("replayed", count));
    }

    @PostMapping("/{channel}/dead-letters/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Long>> replayOne(@PathVariable String channel, @PathVariable String id) {
        String name = known(channel);
        if (!STREAM_ID.matcher(id).matches()) {
            throw ProblemException.invalidField("id", "must be a stream entry id such as 1700000000000-0");
        }
        return search.byId(StreamKeys.deadLetters(name), id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("dead letter " + id + " of channel '" + name + "'")))
                .flatMap(letter -> replay.replay(name, Flux.just(letter)))
                .map(count -> Map.of("replayed", count));
    }

    @GetMapping("/{channel}/campaigns/{campaign}/undelivered")
    Mono<List<Undelivered.UndeliveredView>> undelivered(@PathVariable String channel, @PathVariable String campaign,
                                                        @RequestParam(defaultValue = "100") int limit) {
        inRange("limit", limit, 1000);
        return undelivered.of(known(channel), campaignId(campaign), limit).collectList();
    }

    private static String campaignId(String campaign) {
        if (campaign.isBlank() || campaign.length() > 200) {
            throw ProblemException.invalidField("campaign", "must be a campaign id of 1 to 200 characters");
        }
        return campaign;
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
