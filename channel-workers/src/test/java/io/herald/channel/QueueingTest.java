package io.herald.channel;

import io.herald.testsupport.TestRedis;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration tests that queue notifications as notification-service would: a
 * {@link QueuedNotifications} on the test class's Redis for each test (the subclass brings
 * {@code @RealRedis}), and a campaign id of the test's own.
 */
public abstract class QueueingTest {

    protected QueuedNotifications queued;
    protected final String campaign = "c-" + UUID.randomUUID();

    @BeforeEach
    protected void connectQueue(TestRedis redis) {
        queued = new QueuedNotifications(redis.url());
    }

    @AfterEach
    protected void closeQueue() {
        queued.close();
    }
}
