package io.feedimport.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings under {@code feedimport.*}: consumer lanes of the in-process transport, delivery attempts before a
 * record is parked, how long the reconcile step waits for consumers to account for every published record, and how
 * many days a completed run keeps its per-record details (0: for ever).
 */
@ConfigurationProperties("feedimport")
public record EngineProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("2") int consumers,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration reconcileTimeout,
        @DefaultValue("90") int retentionDays) {

    public EngineProperties {
        if (consumers < 1 || consumers > 256) {
            throw new IllegalArgumentException("feedimport.consumers must be between 1 and 256, got " + consumers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("feedimport.max-attempts must be at least 1, got " + maxAttempts);
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException("feedimport.retention-days must be 0 (keep for ever) or more, got " + retentionDays);
        }
    }
}
