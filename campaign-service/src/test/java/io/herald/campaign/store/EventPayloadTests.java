package io.herald.campaign.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPayloadTests {

    final EventCodec codec = new EventCodec();

    @Test
    void createdPayloadHasTheContractFieldsWithIsoInstants() {
        CampaignDetails details = new CampaignDetails("c1", "n", "Finance", "s", "m", List.of("email"),
                Instant.parse("2030-01-01T09:00:00Z"), null);
        String json = codec.encode(details);
        assertThat(json).isEqualTo("{\"campaignId\":\"c1\",\"name\":\"n\",\"category\":\"Finance\",\"subject\":\"s\","
                + "\"message\":\"m\",\"channels\":[\"email\"],\"createdAt\":\"2030-01-01T09:00:00Z\",\"scheduledAt\":null}");
        assertThat(codec.decode(json, CampaignDetails.class)).isEqualTo(details);
    }

    @Test
    void audienceBatchIsReadWithItsRecipientCount() {
        String json = "{\"campaignId\":\"c1\",\"channels\":[],\"batch\":3,\"lastBatch\":true,\"subject\":\"s\","
                + "\"recipients\":[{\"userId\":\"u1\",\"channels\":[\"email\"]},{\"userId\":\"u2\"}]}";
        AudienceBatch batch = codec.decode(json, AudienceBatch.class);
        assertThat(batch.campaignId()).isEqualTo("c1");
        assertThat(batch.batch()).isEqualTo(3);
        assertThat(batch.lastBatch()).isTrue();
        assertThat(batch.size()).isEqualTo(2);
    }
}
