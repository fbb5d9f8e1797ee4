package io.herald.campaign.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionChangesTests {

    private final EventCodec codec = new EventCodec();
    private final ProjectionChanges changes = new ProjectionChanges(codec);

    private EventEnvelope event(String name, Object payload) {
        return codec.envelope(name, payload);
    }

    @Test
    void aCreatedCampaignSetsItsFieldsAndRemembersTheEntryItWasCreatedAt() {
        CampaignDetails details = new CampaignDetails("c1", "Rates", "Finance", "Hi", "Hello {{name}}",
                List.of("email"), Instant.parse("2030-01-01T09:00:00Z"), null);

        ProjectionChanges.Change change = changes.of("campaigns", "17-0", event(EventNames.CAMPAIGN_CREATED, details));

        assertThat(change.campaignId()).isEqualTo("c1");
        assertThat(change.kind()).isEqualTo("created");
        assertThat(change.args()).containsSequence(CampaignRecord.NAME, "Rates")
                .containsSequence(CampaignRecord.CHANNELS, "[\"email\"]")
                .containsSequence(CampaignRecord.CREATED_ENTRY_ID, "17-0")
                .doesNotContain(CampaignRecord.SCHEDULED_AT);
    }

    @Test
    void aScheduledCampaignKeepsItsDueTimeAndHasNoCreatedEntryYet() {
        CampaignDetails details = new CampaignDetails("c2", "Later", "Sports", "s", "m", null,
                Instant.parse("2030-01-01T09:00:00Z"), Instant.parse("2030-01-02T09:00:00Z"));

        ProjectionChanges.Change change = changes.of("campaigns", "18-0", event(EventNames.CAMPAIGN_SCHEDULED, details));

        assertThat(change.kind()).isEqualTo("scheduled");
        assertThat(change.args()).containsSequence(CampaignRecord.SCHEDULED_AT, "2030-01-02T09:00:00Z")
                .containsSequence(CampaignRecord.CHANNELS, "[]")
                .doesNotContain(CampaignRecord.CREATED_ENTRY_ID);
    }

    @Test
    void anAudienceBatchCountsItsRecipientsAndSaysWhetherItIsTheLast() {
        String data = "{\"campaignId\":\"c1\",\"channels\":[],\"batch\":4,\"lastBatch\":true,"
                + "\"recipients\":[{\"userId\":\"1\"},{\"userId\":\"2\"},{\"userId\":\"3\"}]}";

        ProjectionChanges.Change change = changes.of("audiences", "19-0",
                EventEnvelope.withId("a", EventNames.AUDIENCE_RESOLVED, data));

        assertThat(change.kind()).isEqualTo("audience");
        assertThat(change.args()).containsExactly("4", "1", "3");
    }

    @Test
    void endingsCarryTheTimeTheyHappenedNotTheTimeTheyWereRead() {
        Instant completedAt = Instant.parse("2030-01-01T10:00:00Z");
        ProjectionChanges.Change completed = changes.of("campaigns", "20-0", event(EventNames.CAMPAIGN_COMPLETED,
                new CampaignCompleted("c1", completedAt, Map.of())));
        ProjectionChanges.Change cancelled = changes.of("campaigns", "21-0", event(EventNames.CAMPAIGN_CANCELLED,
                new CampaignCancelled("c2", completedAt)));

        assertThat(completed.kind()).isEqualTo("completed");
        assertThat(completed.at()).isEqualTo("2030-01-01T10:00:00Z");
        assertThat(cancelled.kind()).isEqualTo("cancelled");
        assertThat(cancelled.campaignId()).isEqualTo("c2");
    }

    @Test
    void eventsAboutNoCampaignChangeNothing() {
        assertThat(changes.of("users", "1-0", EventEnvelope.withId("u", "user_user_created", "{}"))).isNull();
    }
}
