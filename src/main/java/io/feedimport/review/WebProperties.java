package io.feedimport.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code feedimport.web.*}: the token that guards the page ({@code FEEDIMPORT_WEB_TOKEN}), required when it is bound
 * beyond loopback, and how long a replay from the page waits for its record to be handled before answering.
 */
@ConfigurationProperties("feedimport.web")
public record WebProperties(String token, Duration replayWait) {

    public WebProperties {
        token = token == null || token.isBlank() ? null : token;
        replayWait = replayWait == null ? Duration.ofSeconds(15) : replayWait;
    }
}
