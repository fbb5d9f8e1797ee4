package io.herald.campaign.console;

import io.herald.eventstore.Channels;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/console/config}: what the page needs to draw itself (the channels, the mail
 * catcher's address). Behind the API key like all of {@code /api/**}, so the page also uses it to
 * check a key at sign-in.
 */
@RestController
class ConsoleConfigController {

    /**
     * @param channels the deployment's channels
     * @param channelPartitions partitions per channel stream
     * @param mailUrl the mail catcher's page, or null when there is none to link
     */
    record ConsoleConfig(List<String> channels, int channelPartitions, String mailUrl) {
    }

    private final Channels channels;
    private final ConsoleProperties console;

    ConsoleConfigController(Channels channels, ConsoleProperties console) {
        this.channels = channels;
        this.console = console;
    }

    @GetMapping("/api/v1/console/config")
    Mono<ConsoleConfig> config() {
        String mail = console.mailUrl() == null || console.mailUrl().isBlank() ? null : console.mailUrl();
        return Mono.just(new ConsoleConfig(channels.names(), channels.partitions(), mail));
    }
}
