package io.herald.campaign.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.herald.kit.ProblemException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The console's streams page (what RedisInsight shows, for Herald's streams only):
 * {@code GET /api/v1/console/streams} every stream at a glance,
 * {@code GET /api/v1/console/streams/{stream}?count=1..100} its consumers and newest entries,
 * {@code GET /api/v1/console/streams/{stream}/groups/{group}/pending?count=1..1000} a group's
 * pending entries. Only Herald's streams ({@link HeraldStreams}) can be read: any other key is 404.
 */
@RestController
@RequestMapping("/api/v1/console/streams")
class StreamsController {

    private final HeraldStreams streams;
    private final StreamInspector inspector;

    StreamsController(HeraldStreams streams, StreamInspector inspector) {
        this.streams = streams;
        this.inspector = inspector;
    }

    @GetMapping
    Mono<List<StreamInspector.StreamSummary>> all() {
        return Flux.fromIterable(streams.all()).flatMapSequential(inspector::summary).collectList();
    }

    @GetMapping("/{stream}")
    Mono<StreamInspector.StreamDetail> one(@PathVariable String stream,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int count) {
        return inspector.detail(known(stream), count);
    }

    @GetMapping("/{stream}/groups/{group}/pending")
    Mono<List<StreamInspector.PendingEntry>> pending(@PathVariable String stream, @PathVariable String group,
                                                     @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int count) {
        String key = known(stream);
        return inspector.summary(key)
                .filter(summary -> summary.groups().stream().anyMatch(g -> g.name().equals(group)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("group '" + group + "' of " + key)))
                .flatMap(summary -> inspector.pending(key, group, count).collectList());
    }

    private String known(String stream) {
        if (!streams.knows(stream)) {
            throw ProblemException.notFound("stream '" + stream + "'");
        }
        return stream;
    }
}
