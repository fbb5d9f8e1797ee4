package io.herald.user.seed;

/**
 * Where seeding stands, for {@code /actuator/health} ({@code components.seeding.details}).
 *
 * @param state {@code DISABLED} (seed count 0), {@code PENDING} (until the service is ready),
 *     {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param seeded fake users in the database (as last known)
 * @param target fake users wanted ({@code herald.users.seed-count})
 * @param millis how long this process's seeding took, once done
 * @param error why seeding failed, else null
 */
public record SeedStatus(String state, long seeded, long target, Long millis, String error) {

    public boolean done() {
        return "DONE".equals(state) || "DISABLED".equals(state);
    }
}
