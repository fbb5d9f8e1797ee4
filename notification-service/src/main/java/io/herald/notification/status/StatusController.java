package io.herald.notification.status;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.Channels;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/notifications/{notificationId}}: where one notification stands. */
@RestController
class StatusController {

    private final NotificationStatuses statuses;

    StatusController(RedisConnections connections, Channels channels, EventCodec codec) {
        this.statuses = new NotificationStatuses(connections.commands(), channels, codec);
    }

    /** 200 with the status; 400 for a malformed id, 404 for an unknown one. */
    @GetMapping("/api/v1/notifications/{notificationId}")
    Mono<NotificationStatus> status(@PathVariable String notificationId) {
        return Mono.defer(() -> statuses.find(notificationId));
    }
}
