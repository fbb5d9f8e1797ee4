package io.herald.campaign.cancel;

import io.herald.campaign.store.CampaignView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code DELETE /api/v1/campaigns/{id}}: 202 and the cancelled campaign. */
@RestController
class CancelCampaignController {

    private final CampaignCanceller canceller;

    CancelCampaignController(CampaignCanceller canceller) {
        this.canceller = canceller;
    }

    @DeleteMapping("/api/v1/campaigns/{id}")
    Mono<ResponseEntity<CampaignView>> cancel(@PathVariable String id) {
        return canceller.cancel(id).map(view -> ResponseEntity.status(HttpStatus.ACCEPTED).body(view));
    }
}
