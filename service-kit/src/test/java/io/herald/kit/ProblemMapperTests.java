package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.ReplicasBehindException;
import io.lettuce.core.RedisCommandExecutionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemMapperTests {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void replicasThatDidNotConfirmAWriteInTimeAreAServiceUnavailable() {
        ProblemException problem = mapper.toProblem(new IllegalStateException("queueing failed",
                new ReplicasBehindException("127.0.0.1:7001", 0, 1, Duration.ofSeconds(2))));

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.getMessage()).contains("replica-acks");
    }

    @Test
    void aClusterWithoutAMasterForTheSlotIsAServiceUnavailableNotAnInternalError() {
        ProblemException problem = mapper.toProblem(new RedisCommandExecutionException("CLUSTERDOWN The cluster is down"));

        assertThat(problem.status().value()).isEqualTo(503);
    }

    @Test
    void anyOtherRedisErrorStaysAnInternalError() {
        ProblemException problem = mapper.toProblem(new RedisCommandExecutionException("ERR wrong number of arguments"));

        assertThat(problem.status().value()).isEqualTo(500);
    }
}
