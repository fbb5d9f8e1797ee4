package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserHashTests {

    @Test
    void aListIsStoredCommaSeparatedAndReadBack() {
        String stored = UserHash.join(List.of("email", "sms", "push"));

        assertThat(stored).isEqualTo("email,sms,push");
        assertThat(UserHash.list(stored)).containsExactly("email", "sms", "push");
    }

    @Test
    void itemsAreStrippedAndEmptyOnesDropped() {
        assertThat(UserHash.list(" email, push ,,")).containsExactly("email", "push");
        assertThat(UserHash.list(null)).isEmpty();
        assertThat(UserHash.list("")).isEmpty();
        assertThat(UserHash.list(" ")).isEmpty();
    }

    @Test
    void listsMatchesWholeItemsOnly() {
        assertThat(UserHash.lists("Finance,Sports", "Sports")).isTrue();
        assertThat(UserHash.lists("Finance,Sports", "Sport")).isFalse();
        assertThat(UserHash.lists("Finance,SportsExtra", "Sports")).isFalse();
        assertThat(UserHash.lists(null, "email")).isFalse();
        assertThat(UserHash.lists("", "email")).isFalse();
        assertThat(UserHash.lists(" email , sms", "sms")).isTrue();
        assertThat(UserHash.lists(" email , sms", "email")).isTrue();
    }
}
