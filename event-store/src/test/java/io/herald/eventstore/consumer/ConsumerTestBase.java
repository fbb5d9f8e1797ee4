package io.herald.eventstore.consumer;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real Redis per test class, emptied before each test, and a fresh {@link ConsumerHarness}. */
@RealRedis
abstract class ConsumerTestBase {

    static final String GROUP = "channel-workers";

    ConsumerHarness harness;

    @BeforeEach
    void startHarness(TestRedis redis) {
        redis.flushAll();
        harness = new ConsumerHarness(redis.url());
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }
}
