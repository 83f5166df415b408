package io.feedimport.run;

import java.time.Duration;

import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The last step of every run: waits until every published record is persisted, unchanged, rejected or parked, and
 * fails the run if that cannot be shown. With the in-process transport the wait is immediate; with a broker the
 * workers may still be working through the queue when the file is read to its end, so the deadline is one of
 * inactivity: the wait goes on while records are being accounted for, and ends when none was for the timeout.
 */
final class ReconcileTasklet implements Tasklet {

    private final RunAccounting accounting;
    private final Duration timeout;

    ReconcileTasklet(RunAccounting accounting, Duration timeout) {
        this.accounting = accounting;
        this.timeout = timeout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        JobInstance run = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        RunSummary summary = UntilReconciled.await(
                () -> accounting.summarize(run, "", "", RunStatus.STARTED, null, null), timeout);
        if (!summary.reconciles()) {
            throw new IllegalStateException("run " + summary.runId() + " cannot be reconciled: read " + summary.read()
                    + " = skipped " + summary.skipped() + " + persisted " + summary.persisted() + " + unchanged "
                    + summary.unchanged() + " + parked " + summary.parked() + " does not hold, and no record was accounted"
                    + " for in the last " + timeout.toSeconds() + "s (with RabbitMQ: are workers running?"
                    + " feedimport worker --profile production)");
        }
        return RepeatStatus.FINISHED;
    }
}
