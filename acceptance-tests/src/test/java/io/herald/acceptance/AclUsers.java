package io.herald.acceptance;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Redis ACL users of the four services, made exactly as {@code start.sh} makes them: passwords
 * in a directory, {@code infra/redis/acl-file.sh} turns {@code infra/redis/acl-rules.conf} into
 * ACL file lines, and each {@code user …} line but the default user's is given to
 * {@code ACL SETUSER} (the test's own connection stays the open default user).
 */
final class AclUsers {

    static final Map<HeraldStack.Service, String> NAMES = Map.of(
            HeraldStack.Service.USER, "herald-user", HeraldStack.Service.CAMPAIGN, "herald-campaign",
            HeraldStack.Service.NOTIFICATION, "herald-notification", HeraldStack.Service.WORKERS, "herald-workers");

    private final Map<HeraldStack.Service, String> passwords = new EnumMap<>(HeraldStack.Service.class);

    /** Creates the users on the Redis behind {@code redis}. */
    static AclUsers create(RedisCommands<String, String> redis) {
        AclUsers users = new AclUsers();
        try {
            Path dir = Files.createTempDirectory("herald-acl");
            Files.writeString(dir.resolve("default"), UUID.randomUUID().toString());
            for (HeraldStack.Service service : HeraldStack.Service.values()) {
                String password = UUID.randomUUID().toString().replace("-", "");
                users.passwords.put(service, password);
                Files.writeString(dir.resolve(NAMES.get(service)), password);
            }
            for (String line : aclFile(dir)) {
                String[] words = line.trim().split("\\s+");
                if (words.length < 2 || !words[0].equals("user") || words[1].equals("default")) {
                    continue;
                }
                CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("SETUSER");
                StringBuilder selector = null; // "( … )" spans words in the file but is one SETUSER argument
                for (int i = 1; i < words.length; i++) {
                    if (selector == null && words[i].startsWith("(")) {
                        selector = new StringBuilder(words[i]);
                    } else if (selector != null) {
                        selector.append(' ').append(words[i]);
                    } else {
                        args.add(words[i]);
                    }
                    if (selector != null && words[i].endsWith(")")) {
                        args.add(selector.toString());
                        selector = null;
                    }
                }
                redis.dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), args);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return users;
    }

    /** The ACL file lines {@code acl-file.sh} makes from the rules and the passwords in {@code passwords}. */
    static List<String> aclFile(Path passwords) throws IOException {
        Path rules = Path.of("..", "infra", "redis", "acl-rules.conf").toAbsolutePath();
        Path script = Path.of("..", "infra", "redis", "acl-file.sh").toAbsolutePath();
        Process process = new ProcessBuilder("sh", script.toString(), rules.toString(), passwords.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("acl-file.sh failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out.lines().toList();
    }

    String password(HeraldStack.Service service) {
        return passwords.get(service);
    }

    /** Each service's environment: its ACL user (Spring Boot's spring.data.redis.username/password). */
    Map<HeraldStack.Service, Map<String, String>> environment() {
        Map<HeraldStack.Service, Map<String, String>> env = new EnumMap<>(HeraldStack.Service.class);
        passwords.forEach((service, password) -> env.put(service, Map.of(
                "SPRING_DATA_REDIS_USERNAME", NAMES.get(service), "SPRING_DATA_REDIS_PASSWORD", password)));
        return env;
    }
}
