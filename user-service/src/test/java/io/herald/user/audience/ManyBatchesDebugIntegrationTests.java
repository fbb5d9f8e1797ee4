package io.herald.user.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RealRedis;
import io.herald.user.seed.UserSeeder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=test-key", "herald.users.seed-count=3500", "herald.audience.batch-size=10"})
@DirtiesContext
class ManyBatchesDebugIntegrationTests {

    @Autowired
    AudienceResolver resolver;

    @Autowired
    UserSeeder seeder;

    @Test
    void manyBatches() {
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> seeder.status().done());
        CampaignCreated campaign = new CampaignCreated("c-" + UUID.randomUUID(), "n", "Finance", "s", "m", List.of());
        List<Integer> batches = resolver.resolve(campaign).log("resolve", java.util.logging.Level.FINE)
                .collectList().block(Duration.ofSeconds(120));
        assertThat(batches).hasSizeGreaterThan(100);
    }
}
