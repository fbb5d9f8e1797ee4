package io.herald.notification.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationIdTests {

    @Test
    void anIdIsCampaignUserAndChannelJoinedByColons() {
        assertThat(new NotificationId("c-1", "42", "email")).hasToString("c-1:42:email");
    }

    @Test
    void parsingTakesTheLastTwoPartsAsUserAndChannelAndTheRestAsCampaign() {
        assertThat(NotificationId.parse("tx-1b2c:42:sms")).contains(new NotificationId("tx-1b2c", "42", "sms"));
        assertThat(NotificationId.parse("urn:campaign:9:42:push")).contains(new NotificationId("urn:campaign:9", "42", "push"));
    }

    @Test
    void aTransactionalIdHasATxCampaign() {
        assertThat(NotificationId.parse("tx-abc:1:email").orElseThrow().isTransactional()).isTrue();
        assertThat(NotificationId.parse("abc:1:email").orElseThrow().isTransactional()).isFalse();
    }

    @Test
    void malformedIdsDoNotParse() {
        assertThat(NotificationId.parse("")).isEmpty();
        assertThat(NotificationId.parse("just-one-part")).isEmpty();
        assertThat(NotificationId.parse("c:email")).isEmpty();
        assertThat(NotificationId.parse(":42:email")).isEmpty();
        assertThat(NotificationId.parse("c::email")).isEmpty();
        assertThat(NotificationId.parse("c:42:")).isEmpty();
        assertThat(NotificationId.parse("c:4 2:email")).isEmpty();
        assertThat(NotificationId.parse("c:" + "9".repeat(600) + ":email")).isEmpty();
    }
}
