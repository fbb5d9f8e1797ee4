package io.herald.channel.queue;

import io.herald.kit.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The HTTP queue API of docs/design.md §4: publish, fetch, acknowledge, requeue. At least once: a
 * delivery not acknowledged within its visibility timeout is delivered again under a new receipt.
 */
@RestController
@RequestMapping("/api/v1/queues/{queue}")
class QueueController {

    /** The answer to a publish. */
    record Published(String id) {
    }

    private final QueueStore store;
    private final LongPoll longPoll;
    private final MessageBody bodies;
    private final QueueProperties properties;

    QueueController(QueueStore store, LongPoll longPoll, MessageBody bodies, QueueProperties properties) {
        this.store = store;
        this.longPoll = longPoll;
        this.bodies = bodies;
        this.properties = properties;
    }

    /** Appends any JSON object to the queue (stored byte for byte); 201 with the message id. */
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Published> publish(@PathVariable String queue, @RequestBody(required = false) byte[] body) {
        String name = QueueName.require(queue);
        String json = bodies.requireJsonObject(body);
        return store.publish(name, json).map(Published::new);
    }

    /** Up to {@code max} messages, oldest first, each under a fresh receipt; {@code []} when none came. */
    @PostMapping("/fetch")
    Mono<List<Delivery>> fetch(@PathVariable String queue, @RequestParam(required = false) String max,
                               @RequestParam(required = false) String visibilityTimeout,
                               @RequestParam(required = false) String wait) {
        String name = QueueName.require(queue);
        return longPoll.fetch(name, FetchRequest.parse(properties, max, visibilityTimeout, wait));
    }

    /** Removes the delivered message for good; 404 when the receipt is unknown, expired or used. */
    @PostMapping("/acknowledge/{receipt}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> acknowledge(@PathVariable String queue, @PathVariable String receipt) {
        String name = QueueName.require(queue);
        return store.acknowledge(name, Receipts.requireWellFormed(receipt)).flatMap(QueueController::settled);
    }

    /** Makes the delivered message available again at once, under a new receipt; 404 as for acknowledge. */
    @PostMapping("/requeue/{receipt}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> requeue(@PathVariable String queue, @PathVariable String receipt) {
        String name = QueueName.require(queue);
        return store.requeue(name, Receipts.requireWellFormed(receipt)).flatMap(QueueController::settled);
    }

    private static Mono<Void> settled(boolean settled) {
        return settled ? Mono.empty() : Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "Receipt not found",
                "The receipt is unknown, expired or already used; only the latest delivery of a message can be settled."));
    }
}
