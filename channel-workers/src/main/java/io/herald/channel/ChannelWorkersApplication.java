package io.herald.channel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumer groups per channel, senders, dead letters and the HTTP queue API (port 8083). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChannelWorkersApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelWorkersApplication.class, args);
    }
}
