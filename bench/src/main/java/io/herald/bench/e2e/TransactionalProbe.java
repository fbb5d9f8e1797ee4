package io.herald.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Posts transactional notifications at a steady rate while a campaign runs, then measures each
 * one's latency: from the instant its POST was sent to its {@code deliveredAt}
 * ({@code GET /api/v1/notifications/{id}}), split at the instant its 202 arrived (the entry is in
 * the priority lane by then): accepting (HTTP, user look-up, append) and the rest (waiting in the
 * lane, the worker's read, check, send and settlement).
 */
public final class TransactionalProbe {

    /** One notification id, when the POST that created it was sent and when its 202 arrived. */
    public record Sent(String notificationId, Instant sentAt, Instant acceptedAt) {
    }

    private final HeraldApi api;
    private final List<String> userIds;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger posted = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final CountDownLatch done = new CountDownLatch(1);
    private ScheduledFuture<?> task;
    private int count;

    public TransactionalProbe(HeraldApi api, List<String> userIds) {
        if (userIds.isEmpty()) {
            throw new IllegalArgumentException("no users for transactional notifications");
        }
        this.api = api;
        this.userIds = List.copyOf(userIds);
    }

    /** Starts posting {@code count} notifications at {@code perSecond}. */
    public void start(int count, int perSecond) {
        this.count = count;
        if (count <= 0) {
            done.countDown();
            return;
        }
        task = timer.scheduleAtFixedRate(() -> {
            int n = posted.getAndIncrement();
            if (n >= count) {
                done.countDown();
                return;
            }
            Instant at = Instant.now();
            try {
                List<String> ids = api.notify(userIds.get(n % userIds.size()), "Your code " + n,
                        "Hello {{name}}, your one-time code is " + (100000 + n));
                Instant accepted = Instant.now();
                for (String id : ids) {
                    sent.add(new Sent(id, at, accepted));
                }
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
            }
        }, 0, Math.max(1, 1_000_000 / perSecond), TimeUnit.MICROSECONDS);
    }

    /** Waits until every notification was posted (or {@code timeout}), then stops posting. */
    public void awaitPosted(Duration timeout) {
        try {
            done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (task != null) {
            task.cancel(false);
        }
        timer.shutdown();
    }

    /**
     * The latency of each posted notification, asking the API until each has a
     * {@code deliveredAt} or {@code timeout} passes; undelivered ones are counted in
     * {@link Result#undelivered()}.
     */
    public Result measure(Duration timeout) {
        List<Long> millis = new ArrayList<>();
        List<Long> accepting = new ArrayList<>();
        List<Long> afterAccepted = new ArrayList<>();
        List<Sent> pending = new ArrayList<>(sent);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            List<Sent> still = new ArrayList<>();
            for (Sent one : pending) {
                HeraldApi.Answer answer = api.notification(one.notificationId());
                JsonNode deliveredAt = answer.body() == null ? null : answer.body().get("deliveredAt");
                if (answer.status() == 200 && deliveredAt != null && !deliveredAt.isNull()) {
                    Instant delivered = Instant.parse(deliveredAt.asString());
                    millis.add(Duration.between(one.sentAt(), delivered).toMillis());
                    accepting.add(Duration.between(one.sentAt(), one.acceptedAt()).toMillis());
                    afterAccepted.add(Math.max(0, Duration.between(one.acceptedAt(), delivered).toMillis()));
                } else {
                    still.add(one);
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Waits.pause(Duration.ofMillis(200));
            }
        }
        return new Result(Math.min(posted.get(), count), sent.size(), pending.size(), List.copyOf(errors),
                latencies(millis), latencies(accepting), latencies(afterAccepted));
    }

    private static Latencies latencies(List<Long> millis) {
        return Latencies.of(millis.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * @param posts POST requests made
     * @param notifications notification ids they returned
     * @param undelivered ids without {@code deliveredAt} at the end
     * @param latency POST sent → {@code deliveredAt}
     * @param accepting POST sent → its 202 received (of the delivered ones)
     * @param afterAccepted 202 received → {@code deliveredAt} (0 when the worker's clock put it before)
     */
    public record Result(int posts, int notifications, int undelivered, List<String> errors, Latencies latency,
                         Latencies accepting, Latencies afterAccepted) {
    }
}
