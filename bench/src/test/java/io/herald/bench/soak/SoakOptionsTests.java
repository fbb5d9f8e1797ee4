package io.herald.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.bench.e2e.CommandLines;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SoakOptionsTests {

    @Test
    void defaultsAreTheIssuesSoak() {
        SoakOptions options = SoakOptions.parse(new String[0]);
        assertThat(options.campaigns()).isEqualTo(10);
        assertThat(options.users()).isEqualTo(100_000);
        assertThat(options.retention()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.channels()).containsExactly("email", "sms", "push");
        assertThat(options.category()).isNull();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.keep()).isFalse();
        assertThat(options.root()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyFlagSetsItsOptionAndTheTrimIntervalFollowsTheRetention() {
        SoakOptions options = SoakOptions.parse(new String[] {"--campaigns", "3", "--users", "10000", "--retention", "30s",
                "--channels", "sms,push", "--category", "Finance", "--timeout", "5m", "--start-timeout", "2m", "--keep",
                "--root", "/tmp"});
        assertThat(options.campaigns()).isEqualTo(3);
        assertThat(options.users()).isEqualTo(10_000);
        assertThat(options.retention()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.channels()).containsExactly("sms", "push");
        assertThat(options.category()).isEqualTo("Finance");
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.keep()).isTrue();
        assertThat(options.root()).isEqualTo(Path.of("/tmp"));
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SoakOptions.parse(new String[] {"--retention", "2s"}).interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(SoakOptions.parse(new String[] {"--retention", "1h"}).interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadCommandLineIsRefusedSayingWhy() {
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--campaigns", "0"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--campaigns");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--retention", "0s"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("not longer than 0");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--bogus");
    }

    @Test
    void helpListsEveryFlag() {
        assertThat(CommandLines.usage(new SoakOptions.Flags())).contains("bench/soak.sh", "--campaigns", "--users",
                "--retention", "--channels", "--category", "--timeout", "--start-timeout", "--keep", "--root",
                "--rebuild", "--help");
    }
}
