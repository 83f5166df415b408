package io.feedimport.run;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipReportStore;
import io.feedimport.report.Withdrawals;
import io.feedimport.withdraw.WithdrawalLedger;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Computes a run's counts from what is committed: the reader position of the last committed chunk, the skip
 * report and the outcome ledger. Nothing is counted in memory, so the counts of a resumed run are as exact
 * as those of a run that never stopped.
 */
public final class RunAccounting {

    private final JobRepository jobRepository;
    private final SkipReportStore skipReport;
    private final OutcomeLedger ledger;
    private final RunLedger runs;
    private final WithdrawalLedger withdrawals;

    public RunAccounting(JobRepository jobRepository, SkipReportStore skipReport, OutcomeLedger ledger, RunLedger runs,
                         WithdrawalLedger withdrawals) {
        this.jobRepository = jobRepository;
        this.skipReport = skipReport;
        this.ledger = ledger;
        this.runs = runs;
        this.withdrawals = withdrawals;
    }

    public RunSummary summarize(JobInstance run, String feed, String file, RunStatus status, OffsetDateTime startedAt,
                                String message) {
        long runId = run.getInstanceId();
        StepExecution read = jobRepository.getLastStepExecution(run, ImportJobFactory.READ_STEP);
        long records = read == null ? 0 : read.getExecutionContext().getLong(RecordItemReader.POSITION, 0L);
        long skipped = skipReport.skippedRecords(runId);
        Map<RecordOutcome, Long> outcomes = ledger.counts(runId, records);
        long outdated = outcomes.get(RecordOutcome.OUTDATED);
        long rejected = outcomes.get(RecordOutcome.REJECTED);
        // counted by the importer in the chunk's transaction, with the position read above
        long notSent = runs.find(runId).map(RunSummary::unchangedAtSource).orElse(0L);
        long durationMs = startedAt == null ? 0 : Duration.between(startedAt, OffsetDateTime.now(ZoneOffset.UTC)).toMillis();
        return new RunSummary(runId, feed, file, status, records, skipped, records - skipped + rejected - notSent, rejected,
                outcomes.get(RecordOutcome.PERSISTED), outcomes.get(RecordOutcome.UNCHANGED) + outdated + notSent, outdated,
                notSent, outcomes.get(RecordOutcome.PARKED), durationMs, startedAt, message, withdrawals(runId, records));
    }

    /** A snapshot run's withdrawals: listed, and how those sent ended (numbered after the run's last record). */
    private Withdrawals withdrawals(long runId, long records) {
        Withdrawals listed = withdrawals.find(runId).orElse(Withdrawals.NONE);
        if (listed.state() == null || !listed.state().sent()) {
            return listed;
        }
        Map<RecordOutcome, Long> sent = ledger.countsAfter(runId, records);
        return new Withdrawals(listed.state(), listed.listed(), sent.get(RecordOutcome.WITHDRAWN),
                sent.get(RecordOutcome.OUTDATED), sent.get(RecordOutcome.PARKED));
    }
}
