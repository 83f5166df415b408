package io.feedimport.monitoring;

import java.time.Duration;

import javax.sql.DataSource;

import io.feedimport.feed.Feeds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires reporting of runs to Sentry when a DSN is given ({@code SENTRY_DSN}, or {@code feedimport.sentry.dsn});
 * without one nothing is initialised and nothing is sent. Also the engine's metrics, into the registry Spring Boot
 * made (Prometheus, and StatsD when {@code management.statsd.metrics.export.enabled}), and the database's health check.
 */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean(destroyMethod = "close")
    RunReporter runReporter(@Value("${feedimport.sentry.dsn:${SENTRY_DSN:}}") String dsn,
                            @Value("${feedimport.sentry.environment:${SENTRY_ENVIRONMENT:}}") String environment) {
        return RunReporters.fromDsn(dsn, environment.isBlank() ? null : environment);
    }

    /**
     * Gauges for the feeds the process was started with ({@code serve}, {@code daemon}, {@code worker}) and for every
     * feed it meets later. The transport's queue depths are looked up when a gauge is read, not now: they are made
     * from beans that themselves count into these metrics.
     */
    @Bean
    FeedMetrics feedMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<QueueDepths> depths,
                            ObjectProvider<Feeds> feeds) {
        QueueDepths transport = (feed, queue) -> depths.getIfAvailable(() -> QueueDepths.NONE).depth(feed, queue);
        return new FeedMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), transport,
                feeds.getIfAvailable(() -> Feeds.NONE));
    }

    /**
     * The database check under the name Spring Boot gives its own ({@code db}, which makes Boot's back off), with a
     * deadline: a database that does not answer must not hold the health endpoint for the pool's 30 s timeout.
     */
    @Bean
    TimeLimitedHealth dbHealthIndicator(DataSource dataSource, @Value("${feedimport.health.timeout:3s}") Duration timeout) {
        return new TimeLimitedHealth("database", new DatabaseHealth(dataSource), timeout);
    }
}
