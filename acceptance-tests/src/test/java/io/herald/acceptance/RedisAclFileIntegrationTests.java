package io.herald.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testsupport.FreePorts;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACL file as start.sh and the Redis container make it: a real redis-server started with
 * {@code --aclfile} accepts it, protects the default user with its password and refuses each
 * service user what it must not do.
 */
class RedisAclFileIntegrationTests {

    @Test
    void redisServerStartsWithTheAclFileAndEnforcesIt(@TempDir Path dir) throws Exception {
        Path passwords = Files.createDirectories(dir.resolve("passwords"));
        for (String user : List.of("default", "herald-user", "herald-campaign", "herald-notification", "herald-workers")) {
            Files.writeString(passwords.resolve(user), "pw-" + user);
        }
        Path aclFile = dir.resolve("users.acl");
        Files.write(aclFile, AclUsers.aclFile(passwords));
        int port = FreePorts.next();
        Path binary = RedisServerProcess.findBinary().orElseThrow();
        Process redis = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--aclfile", aclFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                    "PONG".equals(as(port, "default", "pw-default", c -> c.sync().ping())));
            List<String> users = as(port, "default", "pw-default", c -> c.sync().aclList());
            assertThat(users).hasSize(5);
            assertThatThrownBy(() -> as(port, null, null, c -> c.sync().ping())).hasStackTraceContaining("NOAUTH");
            assertThatThrownBy(() -> as(port, "herald-workers", "pw-herald-workers", c -> c.sync().hset("user:1", "channels", "sms")))
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> as(port, "herald-user", "pw-herald-user", c -> c.sync().flushall()))
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> as(port, "herald-user", "wrong", c -> c.sync().ping()))
                    .hasStackTraceContaining("WRONGPASS");
            Boolean written = as(port, "herald-campaign", "pw-herald-campaign", c -> c.sync().hset("campaign:1", "a", "b"));
            assertThat(written).isTrue();
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static <T> T as(int port, String user, String password,
                            java.util.function.Function<StatefulRedisConnection<String, String>, T> work) {
        RedisURI uri = RedisURI.create("redis://127.0.0.1:" + port);
        if (user != null) {
            uri.setUsername(user);
            uri.setPassword(password.toCharArray());
        }
        try (RedisClient client = RedisClient.create(uri); StatefulRedisConnection<String, String> c = client.connect()) {
            return work.apply(c);
        }
    }
}
