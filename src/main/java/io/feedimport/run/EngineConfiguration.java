package io.feedimport.run;

import java.time.Duration;

import javax.sql.DataSource;

import io.feedimport.consume.EntityConsumers;
import io.feedimport.consume.RateLimits;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.RunReporter;
import io.feedimport.monitoring.TimeLimitedHealth;
import io.feedimport.publish.ParkedQueue;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.reference.FeedLookups;
import io.feedimport.monitoring.DatabaseHealth;
import io.feedimport.store.EngineSchema;
import io.feedimport.store.EntityTable;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.report.Rejections;
import io.feedimport.run.RunLedger;
import io.feedimport.run.RunRetention;
import io.feedimport.report.SkipReportStore;
import io.feedimport.store.SqlDialect;
import io.feedimport.transport.InProcessPublisherFactory;
import io.feedimport.transport.InProcessQueueDepths;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the stages of a run for the embedded default: JDBC storage and the in-process transport. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineConfiguration {

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    @Bean
    EngineSchema engineSchema(DataSource dataSource, SqlDialect dialect) {
        EngineSchema schema = new EngineSchema(dataSource, dialect);
        schema.create();
        return schema;
    }

    @Bean
    SkipReportStore skipReportStore(JdbcTemplate jdbc, EngineSchema schema) {
        return new SkipReportStore(jdbc);
    }

    @Bean
    OutcomeLedger outcomeLedger(JdbcTemplate jdbc, EngineSchema schema) {
        return new OutcomeLedger(jdbc);
    }

    @Bean
    RunLedger runLedger(JdbcTemplate jdbc, EngineSchema schema) {
        return new RunLedger(jdbc);
    }

    @Bean
    RunRetention runRetention(JdbcTemplate jdbc, EngineSchema schema) {
        return new RunRetention(jdbc);
    }

    @Bean
    JdbcParkingLot parkingLot(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger, FeedMetrics metrics) {
        return new JdbcParkingLot(jdbc, transaction, ledger, metrics);
    }

    @Bean
    Rejections rejections(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger) {
        return new Rejections(jdbc, transaction, ledger);
    }

    @Bean
    EntityTable entityTable(DataSource dataSource, SqlDialect dialect) {
        return new EntityTable(dataSource, dialect);
    }

    @Bean
    EntityConsumers entityConsumers(JdbcTemplate jdbc, PlatformTransactionManager transactions, EntityTable tables,
                                    OutcomeLedger ledger, Rejections rejections, FeedLookups lookups, FeedMetrics metrics) {
        return new EntityConsumers(jdbc, transactions, tables, ledger, rejections, lookups, metrics);
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

    @Bean
    @ConditionalOnProperty(name = "feedimport.transport", havingValue = "in-process", matchIfMissing = true)
    ParkedQueue noParkedQueue() {
        return ParkedQueue.NONE;
    }

    @Bean
    ParkedReplay parkedReplay(JdbcParkingLot parkingLot, PublisherFactory publishers, ParkedQueue parkedQueue,
                              OutcomeLedger ledger, RunAccounting accounting, RunLedger runs, JobRepository jobRepository) {
        return new ParkedReplay(parkingLot, publishers, parkedQueue, ledger, accounting, runs, jobRepository);
    }

    @Bean
    RunAccounting runAccounting(JobRepository jobRepository, SkipReportStore skipReport, OutcomeLedger ledger) {
        return new RunAccounting(jobRepository, skipReport, ledger);
    }

    /**
     * The database check under the name Spring Boot gives its own ({@code db}, which makes Boot's back off), with a
     * deadline: a database that does not answer must not hold the health endpoint for the pool's 30 s timeout.
     */
    @Bean
    TimeLimitedHealth dbHealthIndicator(DataSource dataSource, @Value("${feedimport.health.timeout:3s}") Duration timeout) {
        return new TimeLimitedHealth("database", new DatabaseHealth(dataSource), timeout);
    }

    @Bean
    RunRecovery runRecovery(JobRepository jobRepository, JobOperator jobOperator, RunLedger runs) {
        return new RunRecovery(jobRepository, jobOperator, runs);
    }

    @Bean
    ImportRunner importRunner(JobRepository jobRepository, JobOperator jobOperator, PlatformTransactionManager transactionManager,
                              SkipReportStore skipReport, RunAccounting accounting, RunLedger runs, PublisherFactory publishers,
                              EntityTable tables, EngineProperties properties, RunReporter reporter, FeedMetrics metrics) {
        ImportJobFactory jobs = new ImportJobFactory(jobRepository, transactionManager, skipReport, runs, accounting,
                properties.reconcileTimeout(), metrics);
        RunResolver resolver = new RunResolver(jobRepository, jobOperator, runs);
        return new ImportRunner(jobOperator, resolver, jobs, publishers, accounting, runs, tables, reporter, skipReport);
    }
}
