package io.herald.user;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the user service ({@code herald.users.*}); defaults and comments in
 * {@code application.yml}.
 *
 * @param categories categories that exist from the start (more can be added over the API)
 * @param seedCount fake users the database should hold; missing ones are generated at start-up
 * @param seed seed of the fake-user generator: the same seed gives the same users
 * @param seedBatchSize users written per Lua call while seeding
 */
@ConfigurationProperties("herald.users")
public record UserProperties(List<String> categories, long seedCount, long seed, int seedBatchSize) {

    public UserProperties {
        categories = categories == null ? List.of("Finance", "Movies", "Sports") : List.copyOf(categories);
        seedBatchSize = seedBatchSize <= 0 ? 500 : seedBatchSize;
    }
}
