package io.feedimport.review;

import java.util.Optional;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.run.HeldRuns;

/**
 * The review page's release and discard of a held snapshot run, as the CLI's commands do them. Releasing needs the
 * feed's definition (serve's --jobs); discarding does not.
 */
public final class HeldDecisions {

    private final HeldRuns held;
    private final Feeds feeds;

    public HeldDecisions(HeldRuns held, Feeds feeds) {
        this.held = held;
        this.feeds = feeds;
    }

    public Outcome release(long runId) throws InterruptedException {
        try {
            Optional<FeedDefinition> feed = feeds.named(held.feedOf(runId));
            if (feed.isEmpty()) {
                return new Outcome(false, "run " + runId + " cannot be released here: this page was started without the"
                        + " definition of its feed (serve --jobs DIR); use feedimport release " + runId);
            }
            RunSummary run = held.release(feed.get(), runId);
            return new Outcome(run.status() == RunStatus.COMPLETED, run.message());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(false, e.getMessage());
        }
    }

    public Outcome discard(long runId) {
        try {
            return new Outcome(true, held.discard(runId).message());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(false, e.getMessage());
        }
    }

    /** What the reviewer reads after pressing the button. */
    public record Outcome(boolean done, String detail) {
    }
}
