package io.feedimport.run;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.withdraw.Snapshots;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The step of a snapshot run between reading and reconciling: lists the keys the file lacked and sends their
 * withdrawals, or holds them when the feed's guard says the file cannot be the whole truth. A killed run resumes here
 * with the same list.
 */
final class WithdrawTasklet implements Tasklet {

    private final Snapshots snapshots;
    private final FeedDefinition feed;
    private final RecordPublisher publisher;
    private final RunLedger runs;

    WithdrawTasklet(Snapshots snapshots, FeedDefinition feed, RecordPublisher publisher, RunLedger runs) {
        this.snapshots = snapshots;
        this.feed = feed;
        this.publisher = publisher;
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        // the run ledger's count moves in each chunk's transaction: it is what the read step committed
        long read = runs.find(runId).orElseThrow().read();
        snapshots.close(feed, runId, read, null, publisher);
        return RepeatStatus.FINISHED;
    }
}
