package io.feedimport.review;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.report.ProgressSample;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipCount;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkippedRecord;
import io.feedimport.run.ParkedReplay;
import io.feedimport.store.JdbcParkingLot;
import io.feedimport.store.ParkedRecord;
import io.feedimport.store.PickupLog;
import io.feedimport.store.RunLedger;
import io.feedimport.store.SkipReportStore;

/** What the review page and its JSON API show and do, over the engine's own tables; both render what this returns. */
public final class RunReview {

    /** A run as its page shows it. */
    public record RunDetail(RunSummary run, List<SkipCount> breakdown, List<ProgressSample> samples, List<ParkedRecord> parked) {
    }

    /** One page of a skip report, with how many lines the filter keeps in all. */
    public record SkipPage(SkipFilter filter, long total, long offset, int limit, List<SkippedRecord> lines) {

        public boolean hasNext() {
            return offset + lines.size() < total;
        }
    }

    /** What a replay from the page did to the record. */
    public record ReplayOutcome(long runId, long recordNumber, boolean found, boolean handled, String detail) {
    }

    static final int MAX_PAGE = 500;
    private static final int MAX_PARKED = 1_000;

    private final RunLedger runs;
    private final SkipReportStore skips;
    private final JdbcParkingLot parked;
    private final PickupLog pickups;
    private final ParkedReplay replay;
    private final Feeds feeds;
    private final Duration replayWait;

    public RunReview(RunLedger runs, SkipReportStore skips, JdbcParkingLot parked, PickupLog pickups, ParkedReplay replay,
                     Feeds feeds, Duration replayWait) {
        this.runs = runs;
        this.skips = skips;
        this.parked = parked;
        this.pickups = pickups;
        this.replay = replay;
        this.feeds = feeds;
        this.replayWait = replayWait;
    }

    public List<RunSummary> recent(int limit) {
        return runs.recent(Math.max(1, Math.min(limit, 1_000)));
    }

    public List<PickupLog.Pickup> pickupsWithoutImport(int limit) {
        return pickups.recentWithoutImport(limit);
    }

    public boolean exists(long runId) {
        return runs.find(runId).isPresent();
    }

    public Optional<RunDetail> run(long runId) {
        return runs.find(runId).map(run -> new RunDetail(run, skips.breakdown(runId), runs.samples(runId),
                parked.list(runId, MAX_PARKED)));
    }

    public SkipPage skips(long runId, SkipFilter filter, long offset, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        long from = Math.max(0, offset);
        return new SkipPage(filter, skips.count(runId, filter), from, size, skips.page(runId, filter, from, size));
    }

    public void eachSkip(long runId, SkipFilter filter, Consumer<SkippedRecord> sink) {
        skips.each(runId, filter, sink);
    }

    public List<ParkedRecord> parked(Long runId) {
        return parked.list(runId, MAX_PARKED);
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
            return new ReplayOutcome(runId, recordNumber, true, false, "feed " + record.get().feed() + " is not among the"
                    + " feeds this process was started with (--jobs): replay it with feedimport replay " + record.get().feed()
                    + " --run " + runId);
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
}
