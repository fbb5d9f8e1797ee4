package io.herald.campaign.console;

import io.herald.campaign.progress.ProgressBroadcast;
import io.herald.campaign.store.CampaignView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/v1/console/live}: one server-sent event stream per console tab with the progress
 * of every campaign that is under way — events named {@code progress}, each a whole campaign view,
 * sent when a completion tick ({@link ProgressBroadcast}) finds it changed (so also its last, ended
 * state) — plus a comment every 15 s that keeps proxies from closing an idle stream.
 *
 * <p>One stream for all campaigns, rather than one {@code /progress} per row: a browser opens at
 * most six HTTP/1.1 connections per host, and a list page with many running campaigns would use
 * them all up. Like every {@code /api/**} call it needs {@code X-API-Key}; the page reads it with
 * {@code fetch()} and a stream reader (an {@code EventSource} cannot send headers, and the key
 * must never go into a URL).
 */
@RestController
class LiveController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ProgressBroadcast broadcast;

    LiveController(ProgressBroadcast broadcast) {
        this.broadcast = broadcast;
    }

    @GetMapping(path = "/api/v1/console/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<CampaignView>> live() {
        return Flux.defer(() -> {
            Map<String, CampaignView> lastSent = new ConcurrentHashMap<>();
            Flux<ServerSentEvent<CampaignView>> progress = broadcast.all()
                    .filter(view -> !view.equals(lastSent.put(view.id(), view)))
                    .map(view -> ServerSentEvent.builder(view).event("progress").build());
            Flux<ServerSentEvent<CampaignView>> heartbeat = Flux.interval(HEARTBEAT)
                    .map(n -> ServerSentEvent.<CampaignView>builder().comment("keep-alive").build());
            return Flux.merge(Flux.just(ServerSentEvent.<CampaignView>builder().comment("connected").build()),
                    progress, heartbeat);
        });
    }
}
