package io.herald.user.seed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code seeding}: always UP (seeding runs in the background
 * and never holds the service back), with the state, seeded and target counts in its details.
 */
@Component("seeding")
class SeedingHealth implements HealthIndicator {

    private final UserSeeder seeder;

    SeedingHealth(UserSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public Health health() {
        SeedStatus status = seeder.status();
        Health.Builder health = Health.up()
                .withDetail("state", status.state())
                .withDetail("seeded", status.seeded())
                .withDetail("target", status.target());
        if (status.millis() != null) {
            health.withDetail("millis", status.millis());
        }
        if (status.error() != null) {
            health.withDetail("error", status.error());
        }
        return health.build();
    }
}
