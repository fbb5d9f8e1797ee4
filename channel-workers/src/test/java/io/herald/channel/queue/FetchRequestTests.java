package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.kit.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchRequestTests {

    private static final QueueProperties DEFAULTS =
            new QueueProperties("http-queue", 1, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(20));

    @Test
    void missingParametersTakeTheConfiguredDefaults() {
        assertThat(FetchRequest.parse(DEFAULTS, null, null, null))
                .isEqualTo(new FetchRequest(1, Duration.ofSeconds(30), Duration.ZERO));
    }

    @Test
    void boundsAreInclusive() {
        assertThat(FetchRequest.parse(DEFAULTS, "100", "PT12H", "PT20S"))
                .isEqualTo(new FetchRequest(100, Duration.ofHours(12), Duration.ofSeconds(20)));
        assertThat(FetchRequest.parse(DEFAULTS, "1", "PT1S", "PT0S"))
                .isEqualTo(new FetchRequest(1, Duration.ofSeconds(1), Duration.ZERO));
    }

    @Test
    void everyParameterOutOfRangeIsNamed() {
        assertThatThrownBy(() -> FetchRequest.parse(DEFAULTS, "101", "PT0.999S", "PT20.001S"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(ProblemException.FieldProblem::field)
                            .containsExactly("max", "visibilityTimeout", "wait");
                });
    }

    @Test
    void textThatIsNotANumberOrAnIsoDurationIsRejected() {
        assertThatThrownBy(() -> FetchRequest.parse(DEFAULTS, "1.5", null, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> FetchRequest.parse(DEFAULTS, null, "30s", null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> FetchRequest.parse(DEFAULTS, null, null, "-PT1S")).isInstanceOf(ProblemException.class);
    }
}
