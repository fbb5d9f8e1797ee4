package io.herald.campaign.progress;

import io.herald.campaign.store.CampaignView;
import io.herald.campaign.store.CampaignViews;
import io.herald.kit.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/campaigns/{id}/progress}: server-sent events named {@code progress}, each the
 * whole campaign view; the first at once, then one whenever a completion tick publishes a change
 * ({@link ProgressBroadcast}); the stream ends after the event with status COMPLETED or CANCELLED.
 */
@RestController
class ProgressController {

    private final CampaignViews views;
    private final ProgressBroadcast broadcast;

    ProgressController(CampaignViews views, ProgressBroadcast broadcast) {
        this.views = views;
        this.broadcast = broadcast;
    }

    @GetMapping(path = "/api/v1/campaigns/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<CampaignView>> progress(@PathVariable String id) {
        return views.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("campaign " + id)))
                .flatMapMany(first -> first.status().terminal() ? Flux.just(first)
                        : Flux.concat(Mono.just(first), broadcast.updates(id))
                                .distinctUntilChanged()
                                .takeUntil(view -> view.status().terminal()))
                .map(view -> ServerSentEvent.builder(view).event("progress").build());
    }
}
