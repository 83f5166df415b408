package io.feedimport.review;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.report.ProgressSample;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipCount;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkippedRecord;
import io.feedimport.run.ParkedReplay;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.transport.ParkedRecord;
import io.feedimport.schedule.PickupLog;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;

/** What the review page and its JSON API show and do, over the engine's own tables; both render what this returns. */
public final class RunReview {

    /**
     * A run as its page shows it, with the first of its parked records; {@code prunedAt} says when its skip report and
     * progress were pruned, null while it keeps them.
     */
    public record RunDetail(RunSummary run, List<SkipCount> breakdown, List<ProgressSample> samples, ParkedPage parked,
                            OffsetDateTime prunedAt) {
    }

    /**
     * Runs newest first, of one feed or all (feed null), older than run {@code before} or from the newest (null);
     * {@code older} is what {@code before} is for the next page, null on the last one.
     */
    public record RunsPage(String feed, Long before, List<RunSummary> runs, Long older, List<String> feeds) {
    }

    /** Parked records of one run or feed or of all (nulls), with how many there are in all. */
    public record ParkedPage(Long run, String feed, long total, long offset, int limit, List<ParkedRecord> records) {

        public boolean hasNext() {
            return offset + records.size() < total;
        }
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

    /** What replaying every parked record of a run did: how many went back, and how many of them are handled now. */
    public record RunReplayOutcome(long runId, int sent, int handled, boolean done, String detail) {
    }

    static final int MAX_PAGE = 500;
    private static final int PARKED_ON_RUN_PAGE = 100;

    private final RunLedger runs;
    private final SkipReportStore skips;
    private final JdbcParkingLot parked;
    private final PickupLog pickups;
    private final ParkedReplay replay;
    private final Feeds feeds;
    private final ShownValues masking;
    private final Duration replayWait;

    public RunReview(RunLedger runs, SkipReportStore skips, JdbcParkingLot parked, PickupLog pickups, ParkedReplay replay,
                     Feeds feeds, Duration replayWait) {
        this.runs = runs;
        this.skips = skips;
        this.parked = parked;
        this.pickups = pickups;
        this.replay = replay;
        this.feeds = feeds;
        this.masking = new ShownValues(feeds);
        this.replayWait = replayWait;
    }

    public RunsPage runs(String feed, Long before, int limit) {
        String name = blankToNull(feed);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<RunSummary> found = runs.recent(name, before, size + 1);
        boolean more = found.size() > size;
        List<RunSummary> page = more ? found.subList(0, size) : found;
        return new RunsPage(name, before, page, more ? page.get(page.size() - 1).runId() : null, runs.feeds());
    }

    public List<PickupLog.Pickup> pickupsWithoutImport(String feed, int limit) {
        return pickups.recentWithoutImport(blankToNull(feed), limit);
    }

    public boolean exists(long runId) {
        return runs.find(runId).isPresent();
    }

    public Optional<RunDetail> run(long runId) {
        return runs.find(runId).map(run -> new RunDetail(run, skips.breakdown(runId), runs.samples(runId),
                parked(runId, null, 0, PARKED_ON_RUN_PAGE), runs.prunedAt(runId).orElse(null)));
    }

    public SkipPage skips(long runId, SkipFilter filter, long offset, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        long from = Math.max(0, offset);
        return new SkipPage(filter, skips.count(runId, filter), from, size,
                skips.page(runId, filter, from, size).stream().map(masking::line).toList());
    }

    public void eachSkip(long runId, SkipFilter filter, Consumer<SkippedRecord> sink) {
        skips.each(runId, filter, line -> sink.accept(masking.line(line)));
    }

    /** Whether this process has the feed's definition, so shows the values of its records it does not mark sensitive. */
    public boolean knowsSensitiveFields(String feed) {
        return masking.knows(feed);
    }

    public ParkedPage parked(Long runId, String feed, long offset, int limit) {
        String name = blankToNull(feed);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        long from = Math.max(0, offset);
        return new ParkedPage(runId, name, parked.count(runId, name), from, size,
                parked.page(runId, name, from, size).stream().map(masking::parked).toList());
    }

    /** The feeds that have runs, by name, for a filter to offer. */
    public List<String> feeds() {
        return runs.feeds();
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
