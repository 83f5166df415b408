package io.feedimport;

import io.feedimport.monitoring.MonitoringConfiguration;
import io.feedimport.review.ReviewConfiguration;
import io.feedimport.consume.RateLimitConfiguration;
import io.feedimport.reference.ReferenceConfiguration;
import io.feedimport.run.EngineConfiguration;
import io.feedimport.schedule.ScheduleConfiguration;
import io.feedimport.source.SourceConfiguration;
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
@Import({EngineConfiguration.class, SourceConfiguration.class, ScheduleConfiguration.class,
        ReferenceConfiguration.class, RateLimitConfiguration.class, MonitoringConfiguration.class,
        RabbitConfiguration.class, ReviewConfiguration.class})
public class FeedImportApplication {
}
