package io.herald.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLimitsTests {

    @Test
    void aTextWithinTheLimitIsKeptAsItIs() {
        assertThat(TextLimits.fit("a".repeat(160), 160)).isEqualTo("a".repeat(160));
        assertThat(TextLimits.fit("", 160)).isEmpty();
    }

    @Test
    void aLongerTextKeepsItsFirstMaxMinusOneCharactersAndGetsAnEllipsis() {
        String fitted = TextLimits.fit("a".repeat(161), 160);

        assertThat(fitted).hasSize(160).endsWith("a…").startsWith("a".repeat(159));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        // 158 letters, then an emoji (two chars) at positions 158 and 159, then more text
        String text = "a".repeat(158) + "\uD83D\uDE00" + "tail";

        String fitted = TextLimits.fit(text, 160);

        assertThat(fitted).isEqualTo("a".repeat(158) + "…").hasSize(159);
        assertThat(fitted.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp))).isTrue();
    }

    @Test
    void anEmojiThatFitsWholeBeforeTheCutIsKept() {
        String text = "a".repeat(157) + "\uD83D\uDE00" + "tail";

        assertThat(TextLimits.fit(text, 160)).isEqualTo("a".repeat(157) + "\uD83D\uDE00…");
    }

    @Test
    void singleLineTurnsLineBreaksAndTabsIntoOneSpaceAndTrims() {
        assertThat(TextLimits.singleLine("  Hello\r\n\tworld \n")).isEqualTo("Hello world");
        assertThat(TextLimits.singleLine("plain")).isEqualTo("plain");
    }
}
