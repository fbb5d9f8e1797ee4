package io.herald.campaign.console;

import static io.herald.campaign.console.ServiceProxy.Target.USERS;
import static io.herald.campaign.console.ServiceProxy.Target.WORKERS;

import io.herald.eventstore.Channels;
import io.herald.kit.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The console's same-origin doors to user-service and channel-workers (see package docs): each
 * endpoint forwards to exactly one endpoint there, with only the parameters named here.
 * A channel this deployment does not know is 404 without a call; everything else is checked by
 * the service that owns it and its answer passed on.
 */
@RestController
@RequestMapping("/api/v1/console")
class ConsoleProxyController {

    private static final int MAX_ID = 200;
    private static final int MAX_EMAIL = 320;

    private final ServiceProxy proxy;
    private final Channels channels;

    ConsoleProxyController(ServiceProxy proxy, Channels channels) {
        this.proxy = proxy;
        this.channels = channels;
    }

    @GetMapping("/categories")
    Mono<ResponseEntity<byte[]>> categories(@RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(USERS, HttpMethod.GET, "/api/v1/categories", Map.of(), Map.of(), key);
    }

    /** One user by id. */
    @GetMapping("/users/{id}")
    Mono<ResponseEntity<byte[]>> user(@PathVariable String id, @RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(USERS, HttpMethod.GET, "/api/v1/users/{id}", Map.of("id", bounded("id", id)), Map.of(),
                key);
    }

    /** With {@code email}: the user with that address; else a page of users ({@code category, cursor, limit}). */
    @GetMapping("/users")
    Mono<ResponseEntity<byte[]>> users(@RequestParam(required = false) String email,
                                       @RequestParam(required = false) String category,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) String limit,
                                       @RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        if (email != null) {
            if (email.isEmpty() || email.length() > MAX_EMAIL) {
                throw ProblemException.invalidField("email", "must be 1 to " + MAX_EMAIL + " characters");
            }
            return proxy.forward(USERS, HttpMethod.GET, "/api/v1/users/lookup", Map.of(), Map.of("email", email), key);
        }
        return proxy.forward(USERS, HttpMethod.GET, "/api/v1/users", Map.of(),
                query("category", category, "cursor", cursor, "limit", limit), key);
    }

    @GetMapping("/channels")
    Mono<ResponseEntity<byte[]>> channels(@RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(WORKERS, HttpMethod.GET, "/api/v1/channels", Map.of(), Map.of(), key);
    }

    /** A channel's dead letters, newest first; {@code campaign} keeps only that campaign's. */
    @GetMapping("/channels/{channel}/dead-letters")
    Mono<ResponseEntity<byte[]>> deadLetters(@PathVariable String channel,
                                             @RequestParam(required = false) String limit,
                                             @RequestParam(required = false) String campaign,
                                             @RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(WORKERS, HttpMethod.GET, "/api/v1/channels/{channel}/dead-letters",
                Map.of("channel", known(channel)), query("limit", limit, "campaign", campaign), key);
    }

    /** Replays one dead letter. */
    @PostMapping("/channels/{channel}/dead-letters/{id}/replay")
    Mono<ResponseEntity<byte[]>> replayOne(@PathVariable String channel, @PathVariable String id,
                                           @RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(WORKERS, HttpMethod.POST, "/api/v1/channels/{channel}/dead-letters/{id}/replay",
                Map.of("channel", known(channel), "id", bounded("id", id)), Map.of(), key);
    }

    /** Replays a channel's dead letters: all of them (up to {@code max}), or only those of {@code campaign}. */
    @PostMapping("/channels/{channel}/dead-letters/replay")
    Mono<ResponseEntity<byte[]>> replay(@PathVariable String channel, @RequestParam(required = false) String max,
                                        @RequestParam(required = false) String campaign,
                                        @RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(WORKERS, HttpMethod.POST, "/api/v1/channels/{channel}/dead-letters/replay",
                Map.of("channel", known(channel)), query("max", max, "campaign", campaign), key);
    }

    /** A campaign's notifications on a channel that were not delivered (failed, dead-lettered), with their errors. */
    @GetMapping("/channels/{channel}/campaigns/{campaign}/undelivered")
    Mono<ResponseEntity<byte[]>> undelivered(@PathVariable String channel, @PathVariable String campaign,
                                             @RequestParam(required = false) String limit,
                                             @RequestHeader(name = ServiceProxy.API_KEY, required = false) String key) {
        return proxy.forward(WORKERS, HttpMethod.GET, "/api/v1/channels/{channel}/campaigns/{campaign}/undelivered",
                Map.of("channel", known(channel), "campaign", bounded("campaign", campaign)), query("limit", limit), key);
    }

    private String known(String channel) {
        if (!channels.knows(channel)) {
            throw ProblemException.notFound("channel '" + channel + "'");
        }
        return channel;
    }

    private static String bounded(String field, String value) {
        if (value.isEmpty() || value.length() > MAX_ID) {
            throw ProblemException.invalidField(field, "must be 1 to " + MAX_ID + " characters");
        }
        return value;
    }

    private static Map<String, String> query(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.put(pairs[i], bounded(pairs[i], pairs[i + 1]));
            }
        }
        return query;
    }
}
