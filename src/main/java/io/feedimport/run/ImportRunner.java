package io.feedimport.run;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.RunReporter;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.read.RecordReaders;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;
import io.feedimport.support.Messages;
import io.feedimport.read.InputException;
import io.feedimport.report.Withdrawals;
import io.feedimport.withdraw.Snapshots;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;

/** Runs one import of one file to its end (or resumes it) and returns its reconciled summary. */
public final class ImportRunner {

    private final JobOperator jobOperator;
    private final RunResolver resolver;
    private final ImportJobFactory jobs;
    private final PublisherFactory publishers;
    private final RunAccounting accounting;
    private final RunLedger runs;
    private final TargetTables tables;
    private final RunReporter reporter;
    private final SkipReportStore skipReport;
    private final Snapshots snapshots;

    public ImportRunner(JobOperator jobOperator, RunResolver resolver, ImportJobFactory jobs, PublisherFactory publishers,
                        RunAccounting accounting, RunLedger runs, TargetTables tables, RunReporter reporter,
                        SkipReportStore skipReport, Snapshots snapshots) {
        this.jobOperator = jobOperator;
        this.resolver = resolver;
        this.jobs = jobs;
        this.publishers = publishers;
        this.accounting = accounting;
        this.runs = runs;
        this.tables = tables;
        this.reporter = reporter;
        this.skipReport = skipReport;
        this.snapshots = snapshots;
    }

    public RunSummary run(FeedDefinition feed, Path input) {
        return run(feed, input, RunProgress.NONE);
    }

    public RunSummary run(FeedDefinition feed, Path input, RunProgress progress) {
        return run(feed, input, progress, null, null, false);
    }

    /**
     * @param full send every valid record, even those whose content is the one last stored for their key, as after a
     *             change made to the target behind the engine's back; a resumed run is full only if this is true again
     */
    public RunSummary run(FeedDefinition feed, Path input, RunProgress progress, boolean full) {
        return run(feed, input, progress, null, null, full);
    }

    /** As {@link #run(FeedDefinition, Path, RunProgress, boolean)}, with the file's checksum read from the start. */
    public RunSummary run(FeedDefinition feed, Path input, RunProgress progress, boolean full, EarlyChecksum early) {
        return run(feed, input, progress, null, early, full);
    }

    /**
     * Imports a file whose content checksum is known, as the pick-up knows it from the download, so the file is not
     * read once more only to be identified.
     *
     * @param sha256 the SHA-256 of the file's bytes in lower-case hex
     */
    public RunSummary run(FeedDefinition feed, Path input, String sha256) {
        return run(feed, input, RunProgress.NONE, java.util.Objects.requireNonNull(sha256), null, false);
    }

    private RunSummary run(FeedDefinition feed, Path input, RunProgress progress, String sha256, EarlyChecksum early,
                           boolean full) {
        Path file = input.toAbsolutePath().normalize();
        RecordReaders.requireReadable(feed, file);
        tables.ensure(feed);
        RunOwner owner = RunOwner.current();
        JobParameters parameters = sha256 == null ? resolver.resolve(feed, file, early, owner)
                : resolver.resolve(feed, file, sha256, owner);
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        JobExecution execution;
        try (RecordPublisher publisher = publishers.open(feed)) {
            Job job = jobs.create(feed, file, publisher, new RunRegistration(runs, feed, input, owner, started), progress,
                    full);
            execution = jobOperator.start(job, parameters);
        } catch (JobExecutionException e) {
            throw new IllegalStateException("run of " + input + " could not be started: " + e.getMessage(), e);
        }
        return finish(feed, input, execution, started);
    }

    private RunSummary finish(FeedDefinition feed, Path input, JobExecution execution, OffsetDateTime started) {
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        long runId = execution.getJobInstance().getInstanceId();
        String incomplete = completed || feed.snapshot() == null ? null : incompleteExport(execution);
        if (incomplete != null) {
            // the file is not the whole export, so what it lacks is not gone: listed, and held for a person to judge
            snapshots.close(feed, runId, runs.find(runId).orElseThrow().read(), incomplete, null);
        }
        RunSummary summary = accounting.summarize(execution.getJobInstance(), feed.name(), input.toString(),
                completed ? RunStatus.COMPLETED : RunStatus.FAILED, started, completed ? null : failure(execution));
        if (completed && !summary.reconciles()) {
            summary = summary.withStatus(RunStatus.FAILED, "counts do not reconcile: read " + summary.read()
                    + " != skipped + persisted + unchanged + parked");
        }
        if (summary.withdrawals().state() == Withdrawals.State.HELD) {
            summary = summary.withStatus(RunStatus.HELD, "HELD: " + runs.find(runId).orElseThrow().message() + "; "
                    + String.format(java.util.Locale.ROOT, "%,d", summary.withdrawals().held())
                    + " withdrawals held. Apply them with: feedimport release " + runId + " (or drop them: feedimport discard "
                    + runId + ")");
        }
        runs.finished(summary, OffsetDateTime.now(ZoneOffset.UTC));
        // the skip report is only read when someone listens: without a Sentry DSN a run costs nothing more
        if (reporter != RunReporter.NONE) {
            reporter.runEnded(feed, summary, summary.skipped() == 0 ? List.of() : skipReport.entries(summary.runId()));
        }
        return summary;
    }

    /**
     * Why a failed run's file cannot be the whole export (it broke off, or too many of its records are invalid), or
     * null when the run failed for another reason (a broker or database out of reach): then it is resumed, not judged.
     */
    private static String incompleteExport(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof InputException || cause instanceof SkipLimitExceededException) {
                    return "the file is not a whole export: " + Messages.firstLine(cause);
                }
            }
        }
        return null;
    }

    /** The one-line reason a run failed, preferring the user-facing message of the step that failed. */
    static String failure(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable failure : step.getFailureExceptions()) {
                return oneLine(failure);
            }
        }
        return execution.getAllFailureExceptions().stream().findFirst().map(ImportRunner::oneLine)
                .orElse(execution.getExitStatus().getExitDescription());
    }

    /**
     * Spring Batch wraps what went wrong ("Unable to process chunk"); the user needs the innermost reason that
     * feedimport itself raised, which names the file, record and field, or else what the database or the broker said
     * at the bottom of the chain.
     */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("io.feedimport.") && cause.getMessage() != null) {
                return Messages.firstLine(cause);
            }
            root = cause;
        }
        String outer = Messages.firstLine(failure);
        String inner = Messages.firstLine(root);
        // new RuntimeException(cause) takes the cause's toString() for its message: the reason would show twice
        return root == failure || outer.contains(inner) ? outer : outer + ": " + inner;
    }
}
