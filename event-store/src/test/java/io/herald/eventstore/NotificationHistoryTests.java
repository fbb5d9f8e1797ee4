package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationHistoryTests {

    @Test
    void aUsersMembersSortNewestFirstAndNeverMixWithAnotherUsers() {
        Instant early = Instant.parse("2026-12-01T08:00:00Z");
        List<String> members = new ArrayList<>(List.of(
                NotificationHistory.member("12", early, "c1:12:email"),
                NotificationHistory.member("12", early.plusSeconds(60), "c2:12:email"),
                NotificationHistory.member("123", early.plusSeconds(30), "c1:123:sms")));
        Collections.sort(members);

        // "123:" sorts before "12:" ('3' < ':'), outside the range ["12:", "12;") of user 12
        assertThat(members.get(0)).startsWith(NotificationHistory.prefix("123"));
        assertThat(members.get(1)).startsWith(NotificationHistory.prefix("12")).endsWith("c2:12:email");
        assertThat(members.get(2)).endsWith("c1:12:email");
        assertThat(members.subList(1, 3)).allMatch(m -> m.compareTo("12:") >= 0 && m.compareTo("12;") < 0);
    }

    @Test
    void aMemberParsesBackToItsUserTimeAndNotification() {
        Instant at = Instant.parse("2026-12-01T23:59:59.123Z");

        NotificationHistory.Entry entry = NotificationHistory.parse(NotificationHistory.member("4711", at, "c:4711:push"));

        assertThat(entry).isEqualTo(new NotificationHistory.Entry("4711", at, "c:4711:push"));
        assertThat(NotificationHistory.day(at)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(NotificationHistory.parse("4711:notanumber:c")).isNull();
    }
}
