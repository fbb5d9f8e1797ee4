package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RealRedis
class LuaScriptIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String[] NO_KEYS = {};

    private RedisConnections connections;

    @BeforeEach
    void connect(TestRedis redis) {
        connections = RedisConnections.create(redis.url());
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void anArrayReplyComesBackAsOneListOfItsElements() {
        LuaScript script = LuaScript.of("pairs", "return {ARGV[1], 7, {'nested'}}");

        List<Object> reply = script.runForList(connections.commands(), NO_KEYS, "id-1").block(TIMEOUT);

        assertThat(reply).containsExactly("id-1", 7L, List.of("nested"));
    }

    @Test
    void anEmptyArrayReplyIsAnEmptyList() {
        LuaScript script = LuaScript.of("empty", "return {}");

        assertThat(script.runForList(connections.commands(), NO_KEYS).block(TIMEOUT)).isEmpty();
    }

    @Test
    void aScriptTheServerForgotIsSentAgain() {
        LuaScript script = LuaScript.of("answer", "return 42");
        assertThat(script.<Long>run(connections.commands(), ScriptOutputType.INTEGER, NO_KEYS).blockFirst(TIMEOUT))
                .isEqualTo(42L);

        connections.commands().scriptFlush().block(TIMEOUT);

        assertThat(script.<Long>run(connections.commands(), ScriptOutputType.INTEGER, NO_KEYS).blockFirst(TIMEOUT))
                .isEqualTo(42L);
    }
}
