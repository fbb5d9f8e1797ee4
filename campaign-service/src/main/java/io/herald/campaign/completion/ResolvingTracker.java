package io.herald.campaign.completion;

import io.herald.campaign.CampaignStatus;
import io.herald.campaign.store.CampaignLedger;
import io.herald.campaign.store.CampaignRecord;
import io.herald.campaign.store.Campaigns;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Marks an ACCEPTED campaign RESOLVING once user-service's consumer group on {@code campaigns} has
 * read its created entry: being resolved is not an event of its own (docs/design.md §4, §8).
 */
@Component
class ResolvingTracker {

    private final UserServiceCursor cursor;
    private final CampaignLedger ledger;
    private final Campaigns campaigns;

    ResolvingTracker(UserServiceCursor cursor, CampaignLedger ledger, Campaigns campaigns) {
        this.cursor = cursor;
        this.ledger = ledger;
        this.campaigns = campaigns;
    }

    /** The cursor of one tick, read at most once however many campaigns ask for it. */
    Mono<String> cursorOfTick() {
        return cursor.lastDelivered().cache();
    }

    /** The campaign, RESOLVING if it was ACCEPTED and user-service has read it ({@code cursor}), else as it was. */
    Mono<CampaignRecord> advance(CampaignRecord campaign, Mono<String> cursorOfTick) {
        if (campaign.status() != CampaignStatus.ACCEPTED) {
            return Mono.just(campaign);
        }
        return cursorOfTick
                .filter(last -> UserServiceCursor.hasRead(last, campaign.createdEntryId()))
                .flatMap(last -> ledger.resolving(campaign.id()).then(campaigns.read(campaign.id())))
                .defaultIfEmpty(campaign);
    }
}
