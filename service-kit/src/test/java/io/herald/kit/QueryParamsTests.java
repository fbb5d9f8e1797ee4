package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParamsTests {

    @Test
    void aNumberInRangeIsTakenAndAnAbsentOneGetsTheDefault() {
        assertThat(QueryParams.number("limit", " 7 ", 50, 100)).isEqualTo(7);
        assertThat(QueryParams.number("limit", null, 50, 100)).isEqualTo(50);
        assertThat(QueryParams.number("limit", "", 50, 100)).isEqualTo(50);
    }

    @Test
    void outOfRangeGarbageOrAMissingRequiredNumberIsA400NamingTheField() {
        for (String bad : new String[] {"0", "101", "-1", "abc", "99999999999"}) {
            assertThatThrownBy(() -> QueryParams.number("limit", bad, 50, 100))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.errors()).extracting(ProblemException.FieldProblem::field).containsExactly("limit");
                    });
        }
        assertThatThrownBy(() -> QueryParams.number("count", "", 100)).isInstanceOf(ProblemException.class);
    }
}
