package io.herald.channel.fault;

import io.herald.channel.delivery.ChannelSender;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wraps every {@link ChannelSender} of an affected channel in a {@link FaultySender} when
 * {@code herald.fault} asks for failures or hangs. Only with {@code herald.fault.enabled=true}
 * (the drills set it): otherwise this configuration registers no bean at all, so a production jar
 * cannot inject faults by a stray rate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("herald.fault.enabled")
class FaultInjection {

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    /** Static, and bound from the environment directly: a post-processor is created before other beans. */
    @Bean
    static BeanPostProcessor heraldFaultySenders(Environment environment) {
        Binder binder = Binder.get(environment);
        FaultProperties faults = new FaultProperties(
                binder.bind("herald.fault.failure-rate", Double.class).orElse(0.0),
                binder.bind("herald.fault.hang-rate", Double.class).orElse(0.0),
                binder.bind("herald.fault.channels", org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                        .orElse(List.of()));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ChannelSender sender && faults.affects(sender.channel())) {
                    log.warn("FAULT INJECTION on channel {}: {} % of sends fail, {} % hang (herald.fault; drills only)",
                            sender.channel(), faults.failureRate() * 100, faults.hangRate() * 100);
                    return new FaultySender(sender, faults);
                }
                return bean;
            }
        };
    }
}
