package io.feedimport.run;

import javax.sql.DataSource;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.withdraw.Snapshots;
import io.feedimport.withdraw.WithdrawalLedger;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.RunReporter;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.report.SkipReportStore;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * Wires runs: their ledgers (runs, per-record outcomes, retention), the accounting that closes a run, the import
 * runner and recovery of interrupted runs. The ledgers' tables exist before any of
 * these beans is made: the JdbcTemplate and the JobRepository wait for Boot's Flyway migration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
public class RunConfiguration {

    @Bean
    OutcomeLedger outcomeLedger(JdbcTemplate jdbc) {
        return new OutcomeLedger(jdbc);
    }

    @Bean
    RunLedger runLedger(JdbcTemplate jdbc) {
        return new RunLedger(jdbc);
    }

    @Bean
    RunRetention runRetention(JdbcTemplate jdbc) {
        return new RunRetention(jdbc);
    }

    @Bean
    RunAccounting runAccounting(JobRepository jobRepository, SkipReportStore skipReport, OutcomeLedger ledger,
                                RunLedger runs, WithdrawalLedger withdrawals) {
        return new RunAccounting(jobRepository, skipReport, ledger, runs, withdrawals);
    }

    @Bean
    RunRecovery runRecovery(JobRepository jobRepository, JobOperator jobOperator, RunLedger runs) {
        return new RunRecovery(jobRepository, jobOperator, runs);
    }

    @Bean
    ImportRunner importRunner(JobRepository jobRepository, JobOperator jobOperator, PlatformTransactionManager transactionManager,
                              SkipReportStore skipReport, RunAccounting accounting, RunLedger runs, PublisherFactory publishers,
                              TargetTables tables, EngineProperties properties, RunReporter reporter, FeedMetrics metrics,
                              FingerprintLedger fingerprints, OutcomeLedger outcomes, Snapshots snapshots, JdbcTemplate jdbc) {
        ImportJobFactory jobs = new ImportJobFactory(jobRepository, transactionManager, skipReport, runs, accounting,
                properties.reconcileTimeout(), metrics, fingerprints, outcomes, snapshots);
        RunResolver resolver = new RunResolver(jobRepository, jobOperator, runs,
                new FileChecksums(jdbc, java.time.Clock.systemUTC(), RunOwner.current().host()));
        return new ImportRunner(jobOperator, resolver, jobs, publishers, accounting, runs, tables, reporter, skipReport,
                snapshots);
    }

    @Bean
    HeldRuns heldRuns(Snapshots snapshots, PublisherFactory publishers, RunAccounting accounting, RunLedger runs,
                      JobRepository jobRepository, EngineProperties properties) {
        return new HeldRuns(snapshots, publishers, accounting, runs, jobRepository, properties.reconcileTimeout());
    }

    @Bean
    EmbeddedCompaction embeddedCompaction(DataSource dataSource,
                                          @Value("${feedimport.compact.below-fill-rate:50}") int belowFillRate,
                                          @Value("${feedimport.compact.min-garbage:64MB}") DataSize minGarbage) {
        return new EmbeddedCompaction(dataSource, belowFillRate, minGarbage.toBytes());
    }
}
