package io.herald.campaign.retention;

import io.herald.campaign.store.CampaignRecord;
import io.herald.eventstore.Channels;
import io.herald.eventstore.StreamKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-notification keys of one campaign, written by the services along its way: on each bulk
 * stream of each of its channels the outcome records, the counters and the rendered-batch markers
 * (channel-workers, notification-service), the rendering record, the audience batch markers and the
 * frozen audience (user-service). They live in different Cluster slots: one command per key. Pure.
 */
final class CampaignRecords {

    private CampaignRecords() {
    }

    /** The bulk streams (partitions) of the campaign's channels, where its records are kept. */
    static List<String> streams(CampaignRecord campaign, Channels channels) {
        List<String> names = campaign.channels().isEmpty() ? channels.names() : campaign.channels();
        return names.stream().flatMap(channel -> channels.bulkStreams(channel).stream()).toList();
    }

    static List<String> keys(CampaignRecord campaign, Channels channels) {
        String id = campaign.id();
        List<String> keys = new ArrayList<>();
        for (String stream : streams(campaign, channels)) {
            keys.add(StreamKeys.delivered(stream, id));
            keys.add(StreamKeys.progress(stream, id));
            keys.add(StreamKeys.renderedBatches(stream, id));
        }
        keys.add(StreamKeys.rendered(id));
        keys.add(StreamKeys.audienceBatches(id));
        if (campaign.category() != null) {
            keys.add(StreamKeys.audienceSnapshot(campaign.category(), id));
        }
        return keys;
    }
}
