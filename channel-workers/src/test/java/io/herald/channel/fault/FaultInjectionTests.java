package io.herald.channel.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FaultInjectionTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FaultInjection.class);

    @Test
    void registersNoBeanUnlessSwitchedOnEvenWhenRatesAreSet() {
        context.withPropertyValues("herald.fault.failure-rate=0.5")
                .run(app -> assertThat(app).doesNotHaveBean("heraldFaultySenders")
                        .doesNotHaveBean(FaultInjection.class));
    }

    @Test
    void registersTheSenderWrapperWhenSwitchedOn() {
        context.withPropertyValues("herald.fault.enabled=true", "herald.fault.failure-rate=0.5")
                .run(app -> assertThat(app).hasBean("heraldFaultySenders"));
    }
}
