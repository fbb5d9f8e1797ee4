package io.herald.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.bench.e2e.CommandLines;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeedOptionsTests {

    @Test
    void withoutArgumentsItSeedsAHundredThousandAndResolvesFinanceThreeTimes() {
        assertThat(SeedOptions.parse(new String[0])).isEqualTo(new SeedOptions(100_000, "Finance", 3, null));
    }

    @Test
    void argumentsAreUsersCategoryRunsAndJarInThatOrder() {
        assertThat(SeedOptions.parse(new String[] {"5000"})).isEqualTo(new SeedOptions(5000, "Finance", 3, null));
        assertThat(SeedOptions.parse(new String[] {"5000", "Sports", "1", "u.jar"}))
                .isEqualTo(new SeedOptions(5000, "Sports", 1, Path.of("u.jar")));
    }

    @Test
    void aBadArgumentIsRefusedSayingWhy() {
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"lots"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("lots");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"1", "a", "1", "j", "extra"}))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThat(CommandLines.usage(new SeedOptions.Flags())).contains("users", "category", "runs", "jar", "--help");
    }
}
