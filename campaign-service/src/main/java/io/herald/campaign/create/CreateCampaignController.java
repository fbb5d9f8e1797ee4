package io.herald.campaign.create;

import io.herald.campaign.store.CampaignView;
import io.herald.kit.ProblemException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/campaigns} and its browser/curl form {@code GET /api/v1/campaign/create}: same rules, same answer. */
@RestController
class CreateCampaignController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY = 255;

    private final CampaignRequestValidator validator;
    private final CampaignCreator creator;

    CreateCampaignController(CampaignRequestValidator validator, CampaignCreator creator) {
        this.validator = validator;
        this.creator = creator;
    }

    @PostMapping("/api/v1/campaigns")
    Mono<ResponseEntity<CampaignView>> create(@RequestBody(required = false) CampaignRequest request,
                                              @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return accept(request, key);
    }

    /** {@code channels} may be repeated or comma-separated. */
    @GetMapping("/api/v1/campaign/create")
    Mono<ResponseEntity<CampaignView>> createFromQuery(@RequestParam(required = false) String name,
                                                       @RequestParam(required = false) String category,
                                                       @RequestParam(required = false) String subject,
                                                       @RequestParam(required = false) String message,
                                                       @RequestParam(required = false) List<String> channels,
                                                       @RequestParam(required = false) String scheduledAt,
                                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return accept(new CampaignRequest(name, category, subject, message, channels, scheduledAt), key);
    }

    private Mono<ResponseEntity<CampaignView>> accept(CampaignRequest request, String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
            return Mono.error(ProblemException.invalidField(IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY + " characters"));
        }
        return validator.validate(request)
                .flatMap(campaign -> creator.create(campaign, key))
                .map(view -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/v1/campaigns/" + view.id()))
                        .body(view));
    }
}
