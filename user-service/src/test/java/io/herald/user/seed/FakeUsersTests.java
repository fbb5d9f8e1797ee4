package io.herald.user.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakeUsersTests {

    private static final List<String> CATEGORIES = List.of("Finance", "Movies", "Sports");
    private static final List<String> CHANNELS = List.of("email", "sms", "push");
    private static final String EMAIL = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

    static FakeUsers users;

    @BeforeAll
    static void loadVocabulary() {
        users = new FakeUsers(42, CATEGORIES, CHANNELS);
    }

    @Test
    void theSameSeedAndNumberAlwaysGiveTheSameUser() {
        FakeUsers again = new FakeUsers(42, CATEGORIES, CHANNELS);
        for (long n : new long[] {0, 1, 777, 99_999}) {
            assertThat(again.user(n)).isEqualTo(users.user(n));
        }
        assertThat(new FakeUsers(43, CATEGORIES, CHANNELS).user(5)).isNotEqualTo(users.user(5));
    }

    @Test
    void usersAreVariedAndHaveUniqueEmails() {
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (long n = 0; n < 5000; n++) {
            FakeUser user = users.user(n);
            names.add(user.name());
            emails.add(user.email());
        }
        assertThat(emails).hasSize(5000);
        assertThat(names.size()).isGreaterThan(4000);
    }

    @Test
    void everyUserHasOneToThreeCategoriesAndChannelsWithValidContactsForEachChannel() {
        for (long n = 0; n < 5000; n++) {
            FakeUser user = users.user(n);
            assertThat(user.name()).matches("\\S.* \\S.*");
            assertThat(user.categories()).hasSizeBetween(1, 3).doesNotHaveDuplicates().isSubsetOf(CATEGORIES);
            assertThat(user.channels()).hasSizeBetween(1, 3).doesNotHaveDuplicates().isSubsetOf(CHANNELS);
            assertThat(user.email()).matches(EMAIL).contains("@example.");
            assertThat(user.phone() != null).isEqualTo(user.channels().contains("sms"));
            assertThat(user.deviceToken() != null).isEqualTo(user.channels().contains("push"));
            if (user.phone() != null) {
                assertThat(user.phone()).matches("\\+1[2-9]\\d{2}555\\d{4}");
            }
            if (user.deviceToken() != null) {
                assertThat(user.deviceToken()).matches("[0-9a-f]{64}");
            }
        }
    }

    @Test
    void categoryAndChannelChoicesCoverAllCombinationSizes() {
        Set<Integer> categoryCounts = new HashSet<>();
        Set<Integer> channelCounts = new HashSet<>();
        for (long n = 0; n < 1000; n++) {
            categoryCounts.add(users.user(n).categories().size());
            channelCounts.add(users.user(n).channels().size());
        }
        assertThat(categoryCounts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(channelCounts).containsExactlyInAnyOrder(1, 2, 3);
    }
}
