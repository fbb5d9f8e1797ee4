package io.herald.notification.transactional;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/notifications}: a transactional notification, queued on the priority lanes. */
@RestController
class TransactionalController {

    private final TransactionalNotifications notifications;

    TransactionalController(TransactionalNotifications notifications) {
        this.notifications = notifications;
    }

    /** 202 with the notification ids (one per channel); 400 bad input, 404 unknown user. */
    @PostMapping("/api/v1/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<NotificationsQueued> send(@Valid @RequestBody SendNotificationRequest request) {
        return notifications.send(request).map(NotificationsQueued::new);
    }
}
