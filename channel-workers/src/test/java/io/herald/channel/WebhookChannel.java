package io.herald.channel;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds the test-only {@code webhook} channel: this bean plus {@code herald.channels=webhook}. */
@TestConfiguration(proxyBeanMethods = false)
public class WebhookChannel {

    @Bean
    WebhookSender webhookSender() {
        return new WebhookSender();
    }
}
