package io.feedimport.monitoring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires reporting of runs to Sentry when a DSN is given ({@code SENTRY_DSN}, or {@code feedimport.sentry.dsn});
 * without one nothing is initialised and nothing is sent.
 */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean(destroyMethod = "close")
    RunReporter runReporter(@Value("${feedimport.sentry.dsn:${SENTRY_DSN:}}") String dsn,
                            @Value("${feedimport.sentry.environment:${SENTRY_ENVIRONMENT:}}") String environment) {
        return RunReporters.fromDsn(dsn, environment.isBlank() ? null : environment);
    }
}
