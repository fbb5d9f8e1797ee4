package io.herald.user.unsubscribe;

import io.herald.kit.ProblemException;
import io.herald.kit.UnsubscribeLinks;
import io.herald.user.users.CategoryOptOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The target of the {@code List-Unsubscribe} links in campaign mail (RFC 8058; docs/unsubscribe.md).
 * No API key: the signed token is the authority, and it names one user and one category.
 *
 * <ul>
 *   <li>{@code GET} answers a small confirmation page with a button and changes nothing (mail
 *       scanners and link previews fetch links);</li>
 *   <li>{@code POST} (the mailbox provider's one-click request, body
 *       {@code List-Unsubscribe=One-Click}, or the page's button) takes the user out of the
 *       category through the normal write path: 200, also when repeated or when the user is gone.</li>
 * </ul>
 * A token that is forged, altered, truncated or too long is a 400 problem and changes nothing.
 */
@RestController
@RequestMapping("/unsubscribe")
class UnsubscribeController {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeController.class);

    private final UnsubscribeLinks links;
    private final CategoryOptOut optOut;

    UnsubscribeController(UnsubscribeLinks links, CategoryOptOut optOut) {
        this.links = links;
        this.optOut = optOut;
    }

    /** 200 an HTML page asking to confirm; nothing changes. */
    @GetMapping("/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        UnsubscribeLinks.Unsubscribe request = verified(token);
        String category = HtmlUtils.htmlEscape(request.category());
        return page("Unsubscribe from " + category + "?", "<p>You will no longer receive <b>" + category
                + "</b> campaigns from Herald. Other categories and messages about your account are not affected.</p>"
                + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    /** 200 once the user is out of the category (at once when it already was, or is gone). */
    @PostMapping("/{token}")
    Mono<ResponseEntity<String>> unsubscribe(@PathVariable String token) {
        UnsubscribeLinks.Unsubscribe request = verified(token);
        return optOut.leave(request.userId(), request.category()).map(result -> {
            log.info("user {} unsubscribed from {} through a link: {}", request.userId(), request.category(), result);
            String category = HtmlUtils.htmlEscape(request.category());
            return page("Unsubscribed", "<p>You will no longer receive <b>" + category + "</b> campaigns.</p>");
        });
    }

    private UnsubscribeLinks.Unsubscribe verified(String token) {
        return links.verify(token).orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST,
                "Invalid unsubscribe link", "This unsubscribe link is not valid: it may be incomplete or altered. "
                + "Use the link from the message exactly as it is."));
    }

    private static ResponseEntity<String> page(String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\">"
                + "</head><body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\"><h1>" + title + "</h1>"
                + body + "</body></html>";
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").body(html);
    }
}
