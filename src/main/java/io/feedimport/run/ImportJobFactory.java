package io.feedimport.run;

import java.nio.file.Path;
import java.time.Duration;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.read.ReadAheadRecordReader;
import io.feedimport.read.SourceRecord;
import io.feedimport.read.RecordReaders;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.RecordValidator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import io.feedimport.publish.PublishingItemWriter;
import io.feedimport.withdraw.Snapshots;

/**
 * Builds the job of one run: a chunked read-validate-publish step, for a snapshot feed a step that withdraws what the
 * file lacked, then a reconcile step.
 */
public final class ImportJobFactory {

    public static final String JOB_NAME = "feed-import";
    static final String READ_STEP = "read";
    static final String WITHDRAW_STEP = "withdraw";
    static final String RECONCILE_STEP = "reconcile";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final SkipReportStore skipReport;
    private final RunLedger runs;
    private final RunAccounting accounting;
    private final Duration reconcileTimeout;
    private final FeedMetrics metrics;
    private final FingerprintLedger fingerprints;
    private final OutcomeLedger outcomes;
    private final Snapshots snapshots;

    public ImportJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            SkipReportStore skipReport, RunLedger runs, RunAccounting accounting, Duration reconcileTimeout,
                            FeedMetrics metrics, FingerprintLedger fingerprints, OutcomeLedger outcomes, Snapshots snapshots) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.skipReport = skipReport;
        this.runs = runs;
        this.accounting = accounting;
        this.reconcileTimeout = reconcileTimeout;
        this.metrics = metrics;
        this.fingerprints = fingerprints;
        this.outcomes = outcomes;
        this.snapshots = snapshots;
    }

    /** @param full send every valid record, even one unchanged since it was last stored (delta or not) */
    public Job create(FeedDefinition feed, Path file, RecordPublisher publisher, JobExecutionListener registration,
                      RunProgress progress, boolean full) {
        FeedMeters meters = metrics.watch(feed);
        RecordItemReader reader = new RecordItemReader(
                point -> new ReadAheadRecordReader(RecordReaders.open(feed, file, point), meters::parsed), progress);
        TimedValidation validation = new TimedValidation(new RecordValidator(feed), meters);
        PublishingItemWriter writer = new PublishingItemWriter(feed, publisher, skipReport, runs, progress,
                reader::bytesRead, file.toFile().length(), meters, fingerprints, outcomes,
                feed.delta() && !full, snapshots.readKeys(feed), transactionManager);
        Step read = new StepBuilder(READ_STEP, jobRepository)
                .<SourceRecord, CheckedRecord>chunk(feed.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(validation)
                .writer(writer)
                .listener(writer)
                .listener(validation)
                .listener(new ReadStepVerdict(reader, writer, feed.skipLimit()))
                .build();
        Step reconcile = new StepBuilder(RECONCILE_STEP, jobRepository)
                .tasklet(new ReconcileTasklet(accounting, reconcileTimeout), transactionManager)
                .build();
        if (feed.snapshot() == null) {
            return new JobBuilder(JOB_NAME, jobRepository).listener(registration).start(read).next(reconcile).build();
        }
        // no database transaction around the step: it sends withdrawals and waits for consumers, which must not wait
        // for it (see PublishingItemWriter); the list is made in a transaction of its own, and a resumed run sends it again
        Step withdraw = new StepBuilder(WITHDRAW_STEP, jobRepository)
                .tasklet(new WithdrawTasklet(snapshots, feed, publisher, runs), new ResourcelessTransactionManager())
                .build();
        return new JobBuilder(JOB_NAME, jobRepository).listener(registration).start(read).next(withdraw).next(reconcile)
                .build();
    }
}
