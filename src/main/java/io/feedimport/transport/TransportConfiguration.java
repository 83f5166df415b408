package io.feedimport.transport;

import java.time.Duration;

import io.feedimport.consume.EntityConsumers;
import io.feedimport.consume.RateLimits;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkedQueue;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.run.EngineProperties;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RunAccounting;
import io.feedimport.run.RunLedger;
import io.feedimport.transport.rabbit.RabbitConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the parking lot that every transport parks into, the replay out of it, and the in-process transport. */
@Configuration(proxyBeanMethods = false)
public class TransportConfiguration {

    @Bean
    JdbcParkingLot parkingLot(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger, FeedMetrics metrics) {
        return new JdbcParkingLot(jdbc, transaction, ledger, metrics);
    }

    /** The embedded default; {@code feedimport.transport=rabbitmq} selects {@link RabbitConfiguration} instead. */
    @Bean
    @ConditionalOnProperty(name = "feedimport.transport", havingValue = "in-process", matchIfMissing = true)
    PublisherFactory inProcessPublisherFactory(EntityConsumers consumers, ParkingLot parkingLot, EngineProperties properties,
                                               FeedMetrics metrics, InProcessQueueDepths depths, RateLimits rateLimits) {
        RetryPolicy retry = RetryPolicy.inProcess(properties.maxAttempts());
        return new InProcessPublisherFactory(consumers, parkingLot, retry, properties.consumers(), metrics, depths,
                rateLimits);
    }

    /** What the queue-depth gauges show on the embedded default: the lanes of this process and the parked rows. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "feedimport.transport", havingValue = "in-process", matchIfMissing = true)
    InProcessQueueDepths inProcessQueueDepths(JdbcParkingLot parkingLot) {
        return new InProcessQueueDepths(feed -> parkingLot.count(null, feed));
    }

    /** Replays parked records through whichever transport is configured. */
    @Bean
    ParkedReplay parkedReplay(JdbcParkingLot parkingLot, PublisherFactory publishers, ParkedQueue parkedQueue,
                              OutcomeLedger ledger, RunAccounting accounting, RunLedger runs, JobRepository jobRepository) {
        return new ParkedReplay(parkingLot, publishers, parkedQueue, ledger, accounting, runs, jobRepository);
    }

    @Bean
    @ConditionalOnProperty(name = "feedimport.transport", havingValue = "in-process", matchIfMissing = true)
    ParkedQueue noParkedQueue() {
        return ParkedQueue.NONE;
    }
}
