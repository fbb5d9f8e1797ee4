package io.herald.campaign.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the console ({@code herald.console.*}); defaults and comments in {@code application.yml}.
 *
 * @param services where the services the console reaches through this one answer
 * @param mailUrl the mail catcher's web page, linked from the console; blank: no link
 * @param timeout how long a proxied call may take before the console answers 504
 */
@ConfigurationProperties("herald.console")
public record ConsoleProperties(@DefaultValue Services services, @DefaultValue("") String mailUrl,
                                @DefaultValue("10s") Duration timeout) {

    /**
     * @param users base URL of user-service
     * @param workers base URL of channel-workers
     */
    public record Services(@DefaultValue("http://127.0.0.1:8081") URI users,
                           @DefaultValue("http://127.0.0.1:8083") URI workers) {
    }
}
