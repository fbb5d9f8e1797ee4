package io.herald.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerPropertiesTests {

    private static WorkerProperties workers(int consumers, int batchSize, Duration timeout, Map<String, Integer> limits) {
        return new WorkerProperties("channel-workers", consumers, batchSize, 64, 1, 20, 16, Duration.ofSeconds(2), timeout,
                Duration.ofSeconds(60), Duration.ofSeconds(15), 8, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(1), limits, true, 32, Duration.ofMillis(50));
    }

    @Test
    void anUnlimitedChannelReadsFullBatches() {
        assertThat(workers(2, 500, Duration.ofSeconds(30), Map.of("sms", 0)).bulkBatchSize("sms")).isEqualTo(500);
        assertThat(workers(2, 500, Duration.ofSeconds(30), Map.of()).bulkBatchSize("email")).isEqualTo(500);
    }

    @Test
    void aRateLimitedChannelReadsWhatItsConsumersCanSendInAQuarterOfTheTimeout() {
        // 10/s, 30 s timeout, 2 consumers: 10 * 30 / 8 = 37 per batch
        assertThat(workers(2, 500, Duration.ofSeconds(30), Map.of("email", 10)).bulkBatchSize("email")).isEqualTo(37);
        // a generous limit leaves the configured size
        assertThat(workers(2, 500, Duration.ofSeconds(30), Map.of("email", 1000)).bulkBatchSize("email")).isEqualTo(500);
        // never below one
        assertThat(workers(4, 500, Duration.ofSeconds(1), Map.of("email", 1)).bulkBatchSize("email")).isEqualTo(1);
    }
}
