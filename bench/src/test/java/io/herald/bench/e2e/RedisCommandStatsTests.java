package io.herald.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisCommandStatsTests {

    @Test
    void countsWhatRanBetweenTwoSnapshotsPerNotification() {
        RedisCommandStats before = RedisCommandStats.of(RedisAccess.parseInfo("""
                # Commandstats
                cmdstat_xadd:calls=10,usec=50,usec_per_call=5.00,rejected_calls=0,failed_calls=0
                cmdstat_ping:calls=7,usec=7,usec_per_call=1.00,rejected_calls=0,failed_calls=0
                """));
        RedisCommandStats after = RedisCommandStats.of(RedisAccess.parseInfo("""
                # Commandstats
                cmdstat_xadd:calls=210,usec=1050,usec_per_call=5.00,rejected_calls=0,failed_calls=0
                cmdstat_ping:calls=7,usec=7,usec_per_call=1.00,rejected_calls=0,failed_calls=0
                cmdstat_evalsha:calls=20,usec=400,usec_per_call=20.00,rejected_calls=0,failed_calls=0
                """));

        Map<String, Object> perNotification = after.perNotificationSince(before, 100);

        assertThat(perNotification).containsEntry("calls", 2.2).containsEntry("micros", 14.0);
        assertThat(perNotification.get("byCommand")).isEqualTo(Map.of(
                "xadd", Map.of("calls", 2.0, "micros", 10.0), "evalsha", Map.of("calls", 0.2, "micros", 4.0)));
    }
}
