package io.herald.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTests {

    @Test
    void oneRedisIsAUrlAndAClusterItsNodes() {
        assertThat(ServiceProcess.redisEnvironment("redis://127.0.0.1:7000"))
                .isEqualTo(Map.of("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:7000"));
        assertThat(ServiceProcess.redisEnvironment("redis://127.0.0.1:7000,redis://127.0.0.1:7001"))
                .isEqualTo(Map.of("SPRING_DATA_REDIS_CLUSTER_NODES", "127.0.0.1:7000,127.0.0.1:7001"));
    }

    @Test
    void aModuleWhoseJarWasNotBuiltSaysHowToBuildIt(@TempDir Path root) {
        assertThatThrownBy(() -> ServiceProcess.jar(root, "user-service"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("-pl user-service");
    }

    @Test
    void logLinesAreFoundEvenAfterBytesThatAreNotUtf8(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("user-service.log");
        Files.write(log, new byte[] {'x', (byte) 0xff, '\n'});
        Files.writeString(log, "Seeded 10 users in 5 ms\nSeeded 20 users in 7 ms\n", java.nio.file.StandardOpenOption.APPEND);
        ServiceProcess service = new ServiceProcess("user-service", dir.resolve("none.jar"), FreePorts.next(), Map.of(),
                List.of(), log);
        Pattern seeded = Pattern.compile("Seeded (\\d+) users in (\\d+) ms");
        assertThat(service.logLines(seeded)).hasSize(2);
        assertThat(service.lastLogLine(seeded)).hasValueSatisfying(match -> assertThat(match.group(1)).isEqualTo("20"));
        assertThat(service.logTail(1)).isEqualTo("Seeded 20 users in 7 ms");
        assertThat(service.alive()).isFalse();
        assertThat(service.pid()).isEqualTo(-1);
    }
}
