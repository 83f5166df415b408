package io.feedimport.review;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.report.RunSummary;
import io.feedimport.transport.ParkedReplay;
import io.feedimport.run.RunLedger;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.transport.ParkedRecord;

/**
 * What the review page and its API do: send parked records back through their feed's transport and say, after a
 * short wait, what became of them. Browsing is {@link RunReview}'s; this is the page's only write.
 */
public final class ParkedReplays {

    /** What a replay from the page did to the record. */
    public record ReplayOutcome(long runId, long recordNumber, boolean found, boolean handled, String detail) {
    }

    /** What replaying every parked record of a run did: how many went back, and how many of them are handled now. */
    public record RunReplayOutcome(long runId, int sent, int handled, boolean done, String detail) {
    }

    private final RunLedger runs;
    private final JdbcParkingLot parked;
    private final ParkedReplay replay;
    private final Feeds feeds;
    private final Duration replayWait;

    public ParkedReplays(RunLedger runs, JdbcParkingLot parked, ParkedReplay replay, Feeds feeds, Duration replayWait) {
        this.runs = runs;
        this.parked = parked;
        this.replay = replay;
        this.feeds = feeds;
        this.replayWait = replayWait;
    }

    /** The feeds whose records a replay can send back: those whose definitions this process was started with. */
    public Set<String> replayableFeeds() {
        return feeds.all().stream().map(FeedDefinition::name).collect(Collectors.toSet());
    }

    /**
     * Sends one parked record back through its feed's transport and waits a little for its new outcome. The feed must
     * be one this process was started with: its definition says where and how the record is delivered.
     */
    public ReplayOutcome replay(long runId, long recordNumber) throws InterruptedException {
        Optional<ParkedRecord> record = parked.find(runId, recordNumber);
        if (record.isEmpty()) {
            return new ReplayOutcome(runId, recordNumber, false, false, "record " + recordNumber + " of run " + runId
                    + " is not parked (any more)");
        }
        Optional<FeedDefinition> feed = feeds.named(record.get().feed());
        if (feed.isEmpty()) {
            return new ReplayOutcome(runId, recordNumber, true, false, cannotReplay(record.get().feed(), runId));
        }
        ParkedReplay.Result result = replay.replayOne(feed.get(), runId, recordNumber, replayWait);
        Optional<ParkedRecord> again = parked.find(runId, recordNumber);
        if (result.replayed() == 1) {
            return new ReplayOutcome(runId, recordNumber, true, true, "record " + recordNumber + " of run " + runId
                    + " was replayed and handled");
        }
        return new ReplayOutcome(runId, recordNumber, true, false, again.map(p -> "record " + recordNumber + " of run " + runId
                + " was parked again: " + p.reason()).orElse("record " + recordNumber + " of run " + runId
                + " was sent back and is not handled yet; look again in a moment"));
    }

    /**
     * Sends every parked record of a run back through its feed's transport, as {@code feedimport replay FEED --run N}
     * does, and waits a little for their new outcomes.
     */
    public RunReplayOutcome replayRun(long runId) throws InterruptedException {
        Optional<RunSummary> run = runs.find(runId);
        long waiting = parked.count(runId, null);
        if (run.isEmpty() || waiting == 0) {
            return new RunReplayOutcome(runId, 0, 0, true, run.isEmpty() ? "there is no run " + runId
                    : "no record of run " + runId + " is parked (any more)");
        }
        Optional<FeedDefinition> feed = feeds.named(run.get().feed());
        if (feed.isEmpty()) {
            return new RunReplayOutcome(runId, 0, 0, false, cannotReplay(run.get().feed(), runId));
        }
        ParkedReplay.Result result = replay.replay(feed.get(), runId, replayWait);
        int sent = result.replayed() + result.parkedAgain();
        String detail = sent + " parked record(s) of run " + runId + " replayed: " + result.replayed() + " handled"
                + (result.parkedAgain() == 0 ? "" : ", " + result.parkedAgain() + " parked again or not handled yet;"
                + " look again in a moment");
        return new RunReplayOutcome(runId, sent, result.replayed(), result.parkedAgain() == 0, detail);
    }

    /** Replay sends a record where its feed's definition says: without it, say how to give it. */
    private static String cannotReplay(String feed, long runId) {
        return "not replayed: this page was started without the definition of feed " + feed + "; start serve with"
                + " --jobs DIR, the folder that holds it, or replay from the command line: feedimport replay " + feed
                + " --run " + runId + " --jobs DIR (with the same --profile)";
    }
}
