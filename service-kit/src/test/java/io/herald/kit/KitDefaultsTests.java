package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

class KitDefaultsTests {

    /**
     * Boot ignores an excluded name that is not on the class path: after an upgrade that moves an
     * auto-configuration, the exclusion would silently stop working.
     */
    @Test
    void everyExcludedAutoConfigurationIsOnTheClassPath() {
        assertThat(KitDefaults.EXCLUDED_AUTO_CONFIGURATIONS)
                .allSatisfy(name -> assertThat(ClassUtils.isPresent(name, null)).as(name).isTrue());
        assertThat(KitDefaults.DEFAULTS.get("spring.autoconfigure.exclude"))
                .isEqualTo(String.join(",", KitDefaults.EXCLUDED_AUTO_CONFIGURATIONS));
    }
}
