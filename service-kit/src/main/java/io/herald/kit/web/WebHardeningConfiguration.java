package io.herald.kit.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Request ids, security headers and the strict path rules, for every service. */
@Configuration(proxyBeanMethods = false)
public class WebHardeningConfiguration {

    static {
        // With spring.reactor.context-propagation=auto (KitDefaults), Reactor restores this MDC
        // entry from the request's context on whichever thread handles the request's signals.
        ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcRequestId());
    }

    @Bean
    RequestIdFilter heraldRequestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    SecurityHeadersFilter heraldSecurityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    @Bean
    StrictRequestFilter heraldStrictRequestFilter() {
        return new StrictRequestFilter();
    }

    /** The request id's MDC entry, as context propagation sees it. */
    private static final class MdcRequestId implements ThreadLocalAccessor<String> {

        @Override
        public Object key() {
            return RequestIds.KEY;
        }

        @Override
        public String getValue() {
            return MDC.get(RequestIds.KEY);
        }

        @Override
        public void setValue(String value) {
            MDC.put(RequestIds.KEY, value);
        }

        @Override
        public void setValue() {
            MDC.remove(RequestIds.KEY);
        }
    }
}
