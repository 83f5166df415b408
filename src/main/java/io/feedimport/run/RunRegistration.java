package io.feedimport.run;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.run.RunLedger;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Records in the run ledger, before any record is read, that this process now owns the run. */
final class RunRegistration implements JobExecutionListener {

    private final RunLedger runs;
    private final FeedDefinition feed;
    private final Path file;
    private final RunOwner owner;
    private final OffsetDateTime started;

    RunRegistration(RunLedger runs, FeedDefinition feed, Path file, RunOwner owner, OffsetDateTime started) {
        this.runs = runs;
        this.feed = feed;
        this.file = file;
        this.owner = owner;
        this.started = started;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runs.started(execution.getJobInstance().getInstanceId(), feed.name(), file.toString(),
                execution.getJobParameters().getString("fingerprint"), owner.of(execution.getId()).toString(), started);
    }
}
