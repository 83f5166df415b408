package io.feedimport.run;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.withdraw.Snapshots;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What a person does with a held snapshot run (the CLI's {@code release} and {@code discard}, and the review page's
 * buttons): sends its withdrawals and waits until they are accounted for, or drops them. Either way the run is
 * finished after it, and its upserts stood all along.
 */
public final class HeldRuns {

    private final Snapshots snapshots;
    private final PublisherFactory publishers;
    private final RunAccounting accounting;
    private final RunLedger runs;
    private final JobRepository jobRepository;
    private final Duration inactivity;

    public HeldRuns(Snapshots snapshots, PublisherFactory publishers, RunAccounting accounting, RunLedger runs,
                    JobRepository jobRepository, Duration inactivity) {
        this.snapshots = snapshots;
        this.publishers = publishers;
        this.accounting = accounting;
        this.runs = runs;
        this.jobRepository = jobRepository;
        this.inactivity = inactivity;
    }

    /** The feed the run belongs to, as its definition must be found to release it. */
    public String feedOf(long runId) {
        String feed = snapshots.feedOf(runId);
        if (feed == null) {
            throw new IllegalArgumentException("there is no run " + runId);
        }
        return feed;
    }

    /** @throws IllegalStateException when the run holds nothing, or a later snapshot run of its feed decided since */
    public RunSummary release(FeedDefinition feed, long runId) throws InterruptedException {
        if (!feed.name().equals(feedOf(runId))) {
            throw new IllegalArgumentException("run " + runId + " is of feed " + feedOf(runId) + ", not " + feed.name());
        }
        try (RecordPublisher publisher = publishers.open(feed)) {
            snapshots.release(feed, runId, publisher);
        }
        RunSummary summary = UntilReconciled.await(() -> summary(runId), inactivity);
        String counts = String.format(Locale.ROOT, "%,d of %,d withdrawals applied", summary.withdrawals().withdrawn()
                + summary.withdrawals().kept(), summary.withdrawals().listed());
        return finish(summary.reconciles() ? summary.withStatus(RunStatus.COMPLETED, "withdrawals released: " + counts)
                : summary.withStatus(RunStatus.FAILED, "withdrawals released, but only " + counts + " and none for "
                        + inactivity.toSeconds() + "s (with RabbitMQ: are workers running?); release " + runId
                        + " again sends the rest"));
    }

    public RunSummary discard(long runId) {
        snapshots.discard(runId);
        RunSummary summary = summary(runId);
        return finish(summary.withStatus(RunStatus.COMPLETED, String.format(Locale.ROOT,
                "withdrawals discarded: the %,d keys the run lacked stay live", summary.withdrawals().listed())));
    }

    private RunSummary summary(long runId) {
        JobInstance run = jobRepository.getJobInstance(runId);
        RunSummary before = runs.find(runId).orElseThrow();
        return accounting.summarize(run, before.feed(), before.file(), before.status(), before.startedAt(), before.message())
                .withDuration(before.durationMs());
    }

    private RunSummary finish(RunSummary summary) {
        runs.finished(summary, OffsetDateTime.now(ZoneOffset.UTC));
        return summary;
    }
}
