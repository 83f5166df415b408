package io.feedimport;

import io.feedimport.cli.FeedImportCli;
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

/** The feedimport command line; the Spring context is only started by commands that need the database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EngineConfiguration.class, SourceConfiguration.class, ScheduleConfiguration.class,
        ReferenceConfiguration.class, RateLimitConfiguration.class, MonitoringConfiguration.class,
        RabbitConfiguration.class, ReviewConfiguration.class})
public class FeedImportApplication {

    public static void main(String[] args) {
        System.exit(new FeedImportCli(System.out, System.err).execute(args));
    }
}
