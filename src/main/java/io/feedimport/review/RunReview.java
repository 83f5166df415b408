package io.feedimport.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.feedimport.feed.Feeds;
import io.feedimport.report.ProgressSample;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipCount;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkippedRecord;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.transport.ParkedRecord;
import io.feedimport.schedule.PickupLog;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;

/**
 * What the review page and its JSON API show, over the engine's own tables; both render what this returns. Replaying
 * parked records, the page's only write, is {@link ParkedReplays}'.
 */
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

    static final int MAX_PAGE = 500;
    private static final int PARKED_ON_RUN_PAGE = 100;

    private final RunLedger runs;
    private final SkipReportStore skips;
    private final JdbcParkingLot parked;
    private final PickupLog pickups;
    private final ShownValues masking;

    /** @param feeds the definitions this process was started with: they say which values are sensitive */
    public RunReview(RunLedger runs, SkipReportStore skips, JdbcParkingLot parked, PickupLog pickups, Feeds feeds) {
        this.runs = runs;
        this.skips = skips;
        this.parked = parked;
        this.pickups = pickups;
        this.masking = new ShownValues(feeds);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
