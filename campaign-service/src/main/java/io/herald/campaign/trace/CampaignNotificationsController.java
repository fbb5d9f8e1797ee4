package io.herald.campaign.trace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.herald.campaign.store.CampaignViews;
import io.herald.campaign.store.Campaigns;
import io.herald.eventstore.Channels;
import io.herald.kit.KitProperties;
import io.herald.kit.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/campaigns/{id}/notifications?channel=&status=&cursor=&limit=}: a campaign's
 * settled notifications with status, attempts, last error and time, a page at a time
 * (docs/traceability.md). Once the campaign ended the page says when its records expire
 * ({@code detailExpiresAt}), and after that that they have ({@code detailExpired}: no items, final
 * counters on the campaign). 404 for an unknown campaign; 400 for an unknown channel or status, a
 * limit outside 1..1000 or a cursor this endpoint did not give out.
 */
@RestController
class CampaignNotificationsController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Set<String> STATUSES = Set.of("DELIVERED", "FAILED", "DEAD_LETTERED", "CANCELLED", "SKIPPED");
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,4})-(\\d{1,20})");

    private final CampaignNotifications notifications;
    private final Campaigns campaigns;
    private final Channels channels;
    private final CampaignViews views;
    private final KitProperties kit;

    CampaignNotificationsController(CampaignNotifications notifications, Campaigns campaigns,
                                    Channels channels, CampaignViews views, KitProperties kit) {
        this.notifications = notifications;
        this.campaigns = campaigns;
        this.channels = channels;
        this.views = views;
        this.kit = kit;
    }

    @GetMapping("/api/v1/campaigns/{id}/notifications")
    Mono<NotificationPage> page(@PathVariable String id, @RequestParam(required = false) String channel,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        if (channel != null && !channel.isEmpty() && !channels.knows(channel)) {
            throw ProblemException.invalidField("channel", "unknown channel; known channels: "
                    + String.join(", ", channels.names()));
        }
        String wanted = status == null || status.isEmpty() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw ProblemException.invalidField("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        int size = limit;
        return campaigns.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Campaign " + id)))
                .flatMap(campaign -> {
                    List<String> names = channel != null && !channel.isEmpty() ? List.of(channel)
                            : campaign.channels().isEmpty() ? channels.names() : campaign.channels();
                    List<String> streams = notifications.streams(names);
                    Mono<NotificationPage> page = notifications.page(id, streams, position(cursor, streams.size()),
                            wanted, size);
                    Instant ended = campaign.completedAt() != null ? campaign.completedAt() : campaign.cancelledAt();
                    if (ended == null) {
                        return page;
                    }
                    return views.detailExpiredAt(id)
                            .map(at -> new NotificationPage(List.of(), null, true, at))
                            .switchIfEmpty(page.map(p -> p.expiring(ended.plus(kit.retention().afterCompletion()), false)));
                });
    }

    private static CampaignNotifications.Position position(String cursor, int streams) {
        if (cursor == null || cursor.isEmpty()) {
            return CampaignNotifications.Position.START;
        }
        Matcher matcher = CURSOR.matcher(cursor);
        if (matcher.matches() && Integer.parseInt(matcher.group(1)) < streams
                && new java.math.BigInteger(matcher.group(2)).bitLength() <= 64) {
            return new CampaignNotifications.Position(Integer.parseInt(matcher.group(1)), matcher.group(2));
        }
        throw ProblemException.invalidField("cursor", "must be the nextCursor of a previous page with the same channel");
    }

}
