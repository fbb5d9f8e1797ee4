package io.herald.notification.bulk;

import static io.herald.notification.bulk.AudienceBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.EventStore;
import io.herald.eventstore.StreamKeys;
import io.herald.notification.support.HeraldRedis;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=test-key", "herald.channel-partitions=2"})
@DirtiesContext
class PartitionedAudienceIntegrationTests {

    @Autowired
    EventStore events;

    @Test
    void withTwoPartitionsEachUsersNotificationGoesToThePartitionOfItsUserIdWithItsOwnCounters(TestRedis testRedis) {
        String campaign = "partitioned";
        int users = 40;
        events.append(StreamKeys.AUDIENCES, batch(campaign, 0, true, List.of("email"),
                AudienceBatches.reachableRange(1, users, List.of("email", "sms")))).block(Duration.ofSeconds(10));

        try (HeraldRedis redis = new HeraldRedis(testRedis.url())) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "1".equals(redis.sync().hget(StreamKeys.rendered(campaign), "batches")));

            int total = 0;
            for (int partition = 0; partition < 2; partition++) {
                String stream = "notify:email:" + partition;
                int p = partition;
                Set<String> expected = IntStream.rangeClosed(1, users).mapToObj(Integer::toString)
                        .filter(user -> StreamKeys.partitionOf(user, 2) == p).collect(Collectors.toSet());
                List<HeraldRedis.Queued> queued = redis.queued(stream, campaign);

                assertThat(expected).as("users of partition %d", p).isNotEmpty();
                assertThat(queued).extracting(q -> q.text("userId")).as(stream).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(redis.sync().hget("progress:{" + stream + "}:" + campaign, "targeted"))
                        .isEqualTo(Integer.toString(expected.size()));
                assertThat(redis.sync().smembers("rendered-batches:{" + stream + "}:" + campaign)).containsExactly("0");
                total += queued.size();
            }
            assertThat(total).isEqualTo(users);
            assertThat(redis.sync().exists("notify:email", "notify:sms:0", "notify:sms:1", "notify:sms")).isZero();
        }
    }
}
