package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsubscribeLinksTests {

    private final UnsubscribeLinks links = new UnsubscribeLinks("s3cret", "https://herald.example.org/");

    @Test
    void aTokenNamesItsUserAndCategoryAndItsUrlPointsAtThePublicUnsubscribePath() {
        String token = links.token("4711", "Finance");

        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Unsubscribe("4711", "Finance"));
        assertThat(links.url("4711", "Finance")).isEqualTo("https://herald.example.org/unsubscribe/" + token);
        assertThat(token).hasSizeLessThan(UnsubscribeLinks.MAX_TOKEN_LENGTH / 2).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void aForgedTruncatedOrAlteredTokenNamesNothing() {
        String token = links.token("4711", "Finance");
        String otherUser = links.token("4712", "Finance");
        int dot = token.indexOf('.');

        assertThat(links.verify(new UnsubscribeLinks("other", "").token("4711", "Finance"))).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(links.verify(otherUser.substring(0, otherUser.indexOf('.')) + token.substring(dot))).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(links.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(links.verify("x".repeat(10_000) + token.substring(dot))).isEmpty();
        assertThat(links.verify("not a token")).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
    }

    @Test
    void aSignedPayloadThatIsNotAUserAndCategoryNamesNothing() {
        assertThat(links.verify(links.token("abc", "Finance"))).isEmpty();
        assertThat(links.verify(links.token("1", "Fin,ance"))).isEmpty();
    }

    @Test
    void withoutASecretNoLinksAreMadeAndNoneAreAccepted() {
        UnsubscribeLinks disabled = new UnsubscribeLinks(" ", "https://x");

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.verify(links.token("1", "Finance"))).isEmpty();
    }
}
