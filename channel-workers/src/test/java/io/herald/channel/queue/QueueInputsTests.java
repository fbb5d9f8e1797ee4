package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.kit.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Queue names, receipts, message bodies and stream ids as the API reads them. */
class QueueInputsTests {

    private final MessageBody bodies = new MessageBody(JsonMapper.builder().build());

    @Test
    void queueNamesFollowTheDesign() {
        assertThat(QueueName.require("0")).isEqualTo("0");
        assertThat(QueueName.require("sms-out-2")).isEqualTo("sms-out-2");
        for (String bad : new String[] {"", "-a", "A", "a_b", "a:b", "a".repeat(64)}) {
            assertThatThrownBy(() -> QueueName.require(bad)).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void receiptsAreDistinctAndWellFormed() {
        String[] receipts = new Receipts().next(1000);

        Set<String> distinct = new HashSet<>(Set.of(receipts));
        assertThat(distinct).hasSize(1000);
        for (String receipt : receipts) {
            assertThat(Receipts.requireWellFormed(receipt)).isEqualTo(receipt);
        }
        assertThatThrownBy(() -> Receipts.requireWellFormed("AAAA")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Receipts.requireWellFormed("AAAAAAAAAAAAAAAAAAAA+/")).isInstanceOf(ProblemException.class);
    }

    @Test
    void bodyIsKeptExactlyAsSent() {
        String sent = "{ \"z\":1.0 , \"a\" : [ ] }";

        assertThat(bodies.requireJsonObject(sent.getBytes(StandardCharsets.UTF_8))).isEqualTo(sent);
    }

    @Test
    void bodyMustBeOneJsonObject() {
        for (String bad : new String[] {"[]", "1", "{", "{}{}", "{} x", "{\"a\":01}"}) {
            assertThatThrownBy(() -> bodies.requireJsonObject(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(ProblemException.class);
        }
        assertThat(bodies.isJsonObject("{\"a\":{\"b\":[1,2]}}")).isTrue();
        assertThat(bodies.isJsonObject("[{}]")).isFalse();
    }
}
