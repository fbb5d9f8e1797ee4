package io.herald.notification.transactional;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventCodec;
import org.junit.jupiter.api.Test;

class UserDirectoryTests {

    private final UserDirectory users = new UserDirectory(null, new EventCodec().mapper());

    @Test
    void channelsStoredAsAJsonArrayAreRead() {
        assertThat(users.channels("[\"email\", \"sms\"]")).containsExactly("email", "sms");
    }

    @Test
    void channelsStoredCommaSeparatedAreRead() {
        assertThat(users.channels("email, push")).containsExactly("email", "push");
        assertThat(users.channels("sms")).containsExactly("sms");
    }

    @Test
    void noStoredChannelsMeansNone() {
        assertThat(users.channels(null)).isEmpty();
        assertThat(users.channels(" ")).isEmpty();
        assertThat(users.channels("[]")).isEmpty();
    }
}
