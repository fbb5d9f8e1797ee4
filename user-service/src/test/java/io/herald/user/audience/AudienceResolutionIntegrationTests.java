package io.herald.user.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.user.seed.UserSeeder;
import io.herald.user.users.User;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=test-key", "herald.users.seed-count=3500", "herald.instance-id=audience-test"})
@DirtiesContext
class AudienceResolutionIntegrationTests {

    private static final int MAX_BATCH = 1000;

    @Autowired
    AudienceResolver resolver;

    @Autowired
    UserSeeder seeder;

    @Autowired
    EventStore events;

    @Autowired
    EventCodec codec;

    @Autowired
    RedisConnections connections;

    RedisClusterCommands<String, String> redis;

    @BeforeEach
    void awaitSeeding() {
        if (redis == null) {
            redis = RedisConnections.sync(connections.dedicated());
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seeder.status().done());
    }

    /** One batch as read back from {@code audiences}. */
    record Batch(EventEnvelope envelope, AudienceResolved data) {
    }

    private CampaignCreated campaign(String category, List<String> channels) {
        return new CampaignCreated("c-" + UUID.randomUUID(), "Spring news", category, "Hello", "Rates went down",
                channels);
    }

    private void publish(CampaignCreated campaign) {
        events.append(StreamKeys.CAMPAIGNS, codec.envelope(EventNames.CAMPAIGN_CREATED, campaign)).block();
    }

    private List<Batch> batches(String campaignId) {
        List<Batch> out = new ArrayList<>();
        for (StreamMessage<String, String> message : redis.xrange(StreamKeys.AUDIENCES, Range.create("-", "+"))) {
            EventEnvelope envelope = EventEnvelope.fromFields(message.getBody());
            AudienceResolved data = codec.decode(envelope, AudienceResolved.class);
            if (data.campaignId().equals(campaignId)) {
                out.add(new Batch(envelope, data));
            }
        }
        return out;
    }

    private List<Batch> awaitLastBatch(String campaignId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> batches(campaignId), list -> list.stream().anyMatch(b -> b.data().lastBatch()));
    }

    /** The users that subscribe to {@code category}, read from the user hashes, not from the index. */
    private Map<String, User> subscribers(String category) {
        Map<String, User> users = new java.util.TreeMap<>();
        long highest = Long.parseLong(redis.get(StreamKeys.USER_IDS));
        for (long id = 1; id <= highest; id++) {
            String key = Long.toString(id);
            User user = User.fromHash(key, redis.hgetall(StreamKeys.user(key)));
            if (user != null && user.categories().contains(category)) {
                users.put(key, user);
            }
        }
        return users;
    }

    private static List<String> recipientIds(List<Batch> batches) {
        return batches.stream().flatMap(b -> b.data().recipients().stream()).map(Recipient::userId).toList();
    }

    private static void assertWellFormed(List<Batch> batches, CampaignCreated campaign) {
        for (int i = 0; i < batches.size(); i++) {
            AudienceResolved data = batches.get(i).data();
            assertThat(data.batch()).isEqualTo(i);
            assertThat(data.lastBatch()).isEqualTo(i == batches.size() - 1);
            assertThat(data.recipients().size()).isLessThanOrEqualTo(MAX_BATCH);
            assertThat(data.subject()).isEqualTo(campaign.subject());
            assertThat(data.message()).isEqualTo(campaign.message());
            assertThat(data.campaignName()).isEqualTo(campaign.name());
            assertThat(batches.get(i).envelope().event()).isEqualTo(EventNames.AUDIENCE_RESOLVED);
            assertThat(batches.get(i).envelope().id())
                    .isEqualTo(EventEnvelope.deterministicId("audience:" + campaign.campaignId() + ":" + i));
        }
    }

    @Test
    void campaignToFinanceReachesExactlyTheFinanceSubscribersOnceInBatchesOfAtMost1000() {
        CampaignCreated campaign = campaign("Finance", List.of());
        publish(campaign);

        List<Batch> batches = awaitLastBatch(campaign.campaignId());

        Map<String, User> finance = subscribers("Finance");
        assertThat(finance.size()).isGreaterThan(2 * MAX_BATCH);
        assertThat(batches).hasSize((finance.size() + MAX_BATCH - 1) / MAX_BATCH);
        assertWellFormed(batches, campaign);
        List<String> ids = recipientIds(batches);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(finance.keySet());
        Recipient someone = batches.get(0).data().recipients().get(0);
        User user = finance.get(someone.userId());
        assertThat(someone.name()).isEqualTo(user.name());
        assertThat(someone.email()).isEqualTo(user.email());
        assertThat(someone.phone()).isEqualTo(user.phone());
        assertThat(someone.deviceToken()).isEqualTo(user.deviceToken());
        assertThat(someone.channels()).isEqualTo(user.channels());
    }

    @Test
    void resolutionKilledMidwayIsFinishedByTheConsumerWithEachFinanceSubscriberOnce() {
        CampaignCreated campaign = campaign("Finance", List.of());
        // a resolver killed after its first batch: the rest is never appended by this attempt
        resolver.resolve(campaign).take(1).blockLast(Duration.ofSeconds(30));
        List<Batch> partial = batches(campaign.campaignId());
        assertThat(partial).isNotEmpty().noneMatch(b -> b.data().lastBatch());

        publish(campaign);

        List<Batch> batches = awaitLastBatch(campaign.campaignId());
        assertWellFormed(batches, campaign);
        assertThat(recipientIds(batches)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(subscribers("Finance").keySet());
    }

    @Test
    void aCampaignResolvedAgainAppendsNothing() {
        CampaignCreated campaign = campaign("Movies", List.of());
        List<Integer> first = resolver.resolve(campaign).collectList().block(Duration.ofSeconds(30));
        long length = redis.xlen(StreamKeys.AUDIENCES);

        List<Integer> second = resolver.resolve(campaign).collectList().block(Duration.ofSeconds(30));

        assertThat(first).isNotEmpty();
        assertThat(second).isEmpty();
        assertThat(redis.xlen(StreamKeys.AUDIENCES)).isEqualTo(length);
        assertThat(redis.exists(StreamKeys.audienceSnapshot("Movies", campaign.campaignId()))).isZero();
    }

    @Test
    void theAudienceIsFrozenAtTheFirstAttemptSoLaterSubscribersDoNotShiftBatches() {
        CampaignCreated campaign = campaign("Sports", List.of());
        resolver.resolve(campaign).take(1).blockLast(Duration.ofSeconds(30));
        Set<String> before = new HashSet<>(subscribers("Sports").keySet());
        // a member leaves and the first ids of the category would shift every later batch
        String leaver = redis.zrange(StreamKeys.categoryMembers("Sports"), 0, 0).get(0);
        redis.zrem(StreamKeys.categoryMembers("Sports"), leaver);

        resolver.resolve(campaign).blockLast(Duration.ofSeconds(30));

        List<Batch> batches = batches(campaign.campaignId());
        assertWellFormed(batches, campaign);
        assertThat(recipientIds(batches)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(before);
        redis.zadd(StreamKeys.categoryMembers("Sports"), Double.parseDouble(leaver), leaver);
    }

    @Test
    void aUserDeletedAfterTheSnapshotIsLeftOutAndAbsentContactFieldsStayAbsent() {
        CampaignCreated campaign = campaign("Sports", List.of());
        resolver.resolve(campaign).take(1).blockLast(Duration.ofSeconds(30));
        Map<String, User> before = subscribers("Sports");
        // a member of the second batch is deleted after the snapshot: the snapshot still names it
        String gone = redis.zrange(StreamKeys.audienceSnapshot("Sports", campaign.campaignId()), MAX_BATCH, MAX_BATCH)
                .get(0);
        Map<String, String> goneHash = redis.hgetall(StreamKeys.user(gone));
        redis.del(StreamKeys.user(gone));

        try {
            resolver.resolve(campaign).blockLast(Duration.ofSeconds(30));
        } finally {
            redis.hset(StreamKeys.user(gone), goneHash);
        }

        List<Batch> batches = batches(campaign.campaignId());
        assertWellFormed(batches, campaign);
        Set<String> expected = new HashSet<>(before.keySet());
        expected.remove(gone);
        assertThat(recipientIds(batches)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(batches).allSatisfy(b -> assertThat(b.data().recipients()).allSatisfy(r -> {
            User user = before.get(r.userId());
            assertThat(r.name()).isEqualTo(user.name());
            assertThat(r.email()).isEqualTo(user.email());
            assertThat(r.phone()).isEqualTo(user.phone());
            assertThat(r.deviceToken()).isEqualTo(user.deviceToken());
            assertThat(r.channels()).isEqualTo(user.channels());
        }));
    }

    @Test
    void campaignChannelsNarrowEachRecipientToTheChannelsItChose() {
        CampaignCreated campaign = campaign("Finance", List.of("sms"));
        publish(campaign);

        List<Batch> batches = awaitLastBatch(campaign.campaignId());

        assertWellFormed(batches, campaign);
        Set<String> smsFinance = new HashSet<>();
        subscribers("Finance").forEach((id, user) -> {
            if (user.channels().contains("sms")) {
                smsFinance.add(id);
            }
        });
        assertThat(recipientIds(batches)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(smsFinance);
        assertThat(batches).allSatisfy(b -> assertThat(b.data().recipients())
                .allSatisfy(r -> assertThat(r.channels()).containsExactly("sms")));
        assertThat(batches.get(0).data().channels()).containsExactly("sms");
    }

    @Test
    void aCategoryWithoutMembersYieldsOneEmptyLastBatch() {
        redis.sadd(StreamKeys.CATEGORIES, "Knitting");
        CampaignCreated campaign = campaign("Knitting", List.of());
        publish(campaign);

        List<Batch> batches = awaitLastBatch(campaign.campaignId());

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).data().batch()).isZero();
        assertThat(batches.get(0).data().lastBatch()).isTrue();
        assertThat(batches.get(0).data().recipients()).isEmpty();
    }

    @Test
    void otherCampaignEventsAreAcknowledgedWithoutAnAudience() {
        long audiences = redis.xlen(StreamKeys.AUDIENCES);
        String id = events.append(StreamKeys.CAMPAIGNS, codec.envelope(EventNames.CAMPAIGN_CANCELLED,
                Map.of("campaignId", "c-cancelled", "cancelledAt", "2026-01-01T00:00:00Z"))).block();

        // delivered to the group and nothing pending: it was read and acknowledged
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> redis.xinfoGroups(StreamKeys.CAMPAIGNS).stream()
                .map(group -> (List<?>) group)
                .anyMatch(group -> group.contains(AudienceConsumer.GROUP) && group.contains(id))
                && redis.xpending(StreamKeys.CAMPAIGNS, AudienceConsumer.GROUP).getCount() == 0);
        assertThat(redis.xlen(StreamKeys.AUDIENCES)).isEqualTo(audiences);
        assertThat(batches("c-cancelled")).isEmpty();
    }
}
