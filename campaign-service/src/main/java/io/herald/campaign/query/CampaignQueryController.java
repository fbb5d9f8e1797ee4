package io.herald.campaign.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.herald.campaign.CampaignProperties;
import io.herald.campaign.CampaignStatus;
import io.herald.campaign.store.HistoryEvent;
import io.herald.campaign.store.Campaigns;
import io.herald.campaign.store.CampaignView;
import io.herald.campaign.store.CampaignViews;
import io.herald.kit.ProblemException;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Reading campaigns: one, a newest-first list, a campaign's event history; and rebuilding a projection. */
@RestController
class CampaignQueryController {

    static final int MAX_LIMIT = 500;

    private final CampaignViews views;
    private final Campaigns campaigns;
    private final CampaignProperties properties;

    CampaignQueryController(CampaignViews views, Campaigns campaigns, CampaignProperties properties) {
        this.views = views;
        this.campaigns = campaigns;
        this.properties = properties;
    }

    @GetMapping("/api/v1/campaigns/{id}")
    Mono<CampaignView> one(@PathVariable String id) {
        return views.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    /**
     * Newest first; {@code status} filters, {@code limit} is 1 to 500 (default 20), {@code offset}
     * (default 0, at most {@code herald.campaign.list-max-scan}) skips that many for a later page.
     */
    @GetMapping("/api/v1/campaigns")
    Mono<List<CampaignView>> list(@RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit,
                                  @RequestParam(required = false, defaultValue = "0") String offset) {
        CampaignStatus wanted = status(status);
        int skip = offset(offset, properties.listMaxScan());
        return campaigns.newestFirst(wanted, skip, limit, properties.listMaxScan())
                .flatMapSequential(views::of, 16)
                .collectList();
    }

    /** The campaign's events in the order they occurred, from every stream that told about it. */
    @GetMapping("/api/v1/campaigns/{id}/events")
    Mono<List<HistoryEvent>> events(@PathVariable String id) {
        return campaigns.find(id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(found -> campaigns.events(id).collectList());
    }

    /** Rebuilds {@code campaign:<id>} and its event index from the streams (repair); answers the rebuilt campaign. */
    @PostMapping("/api/v1/campaigns/{id}/projection/rebuild")
    Mono<CampaignView> rebuild(@PathVariable String id) {
        return campaigns.rebuildFromStreams(id)
                .flatMap(known -> known ? views.find(id) : Mono.empty())
                .switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    private static CampaignStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CampaignStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(CampaignStatus.values()));
        }
    }

    private static int offset(String value, int maxScan) {
        try {
            int offset = Integer.parseInt(value.strip());
            if (offset >= 0 && offset <= maxScan) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField("offset", "must be a number from 0 to " + maxScan);
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("campaign " + id);
    }
}
