package io.feedimport;

import io.feedimport.delta.DeltaConfiguration;
import io.feedimport.withdraw.WithdrawConfiguration;
import io.feedimport.monitoring.MonitoringConfiguration;
import io.feedimport.review.ReviewConfiguration;
import io.feedimport.consume.ConsumeConfiguration;
import io.feedimport.consume.RateLimitConfiguration;
import io.feedimport.reference.ReferenceConfiguration;
import io.feedimport.report.ReportConfiguration;
import io.feedimport.run.RunConfiguration;
import io.feedimport.schedule.ScheduleConfiguration;
import io.feedimport.source.SourceConfiguration;
import io.feedimport.store.StoreConfiguration;
import io.feedimport.transport.TransportConfiguration;
import io.feedimport.transport.rabbit.RabbitConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The engine's Spring context: every stage's configuration. Only the commands that need the database start it
 * (cli/EngineContext); the process's entry point is {@code io.feedimport.cli.Main}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({SourceConfiguration.class, ScheduleConfiguration.class, RunConfiguration.class, ReportConfiguration.class,
        DeltaConfiguration.class, WithdrawConfiguration.class,
        TransportConfiguration.class, RabbitConfiguration.class, ConsumeConfiguration.class, RateLimitConfiguration.class,
        ReferenceConfiguration.class, StoreConfiguration.class, MonitoringConfiguration.class, ReviewConfiguration.class})
public class FeedImportApplication {
}
