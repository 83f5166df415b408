package io.feedimport.review;

import java.time.OffsetDateTime;
import java.util.List;

import io.feedimport.report.ProgressSample;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipCount;
import io.feedimport.report.SkipFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The review page's data as JSON, for scripts and dashboards: the same answers the page renders. */
@RestController
@RequestMapping("/api")
final class ReviewApi {

    private final RunReview review;
    private final ParkedReplays replays;

    ReviewApi(RunReview review, ParkedReplays replays) {
        this.review = review;
        this.replays = replays;
    }

    @GetMapping("/runs")
    RunReview.RunsPage runs(@RequestParam(required = false) String feed, @RequestParam(required = false) Long before,
                            @RequestParam(defaultValue = "50") int limit) {
        return review.runs(feed, before, limit);
    }

    /**
     * A run for scripts: its counts, whether they reconcile, why records were skipped, its progress, how many are parked,
     * and when its skip report and progress were pruned (null while kept).
     */
    record RunView(RunSummary run, boolean reconciled, List<SkipCount> skipBreakdown, List<ProgressSample> progress, long parked,
                   OffsetDateTime prunedAt) {
    }

    @GetMapping("/runs/{runId}")
    RunView run(@PathVariable long runId) {
        RunReview.RunDetail detail = review.run(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "there is no run " + runId));
        return new RunView(detail.run(), detail.run().reconciles(), detail.breakdown(), detail.samples(), detail.parked().total(),
                detail.prunedAt());
    }

    @GetMapping("/runs/{runId}/skips")
    RunReview.SkipPage skips(@PathVariable long runId, @RequestParam(required = false) String field,
                             @RequestParam(required = false) String rule, @RequestParam(defaultValue = "0") long offset,
                             @RequestParam(defaultValue = "100") int limit) {
        return review.skips(runId, new SkipFilter(field, rule), offset, limit);
    }

    @GetMapping("/parked")
    RunReview.ParkedPage parked(@RequestParam(required = false) Long run, @RequestParam(required = false) String feed,
                                @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "100") int limit) {
        return review.parked(run, feed, offset, limit);
    }

    /** Replays every parked record of the run; 404 when there is no such run. */
    @PostMapping("/runs/{runId}/replay-parked")
    ParkedReplays.RunReplayOutcome replayRun(@PathVariable long runId) throws InterruptedException {
        if (!review.exists(runId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no run " + runId);
        }
        return replays.replayRun(runId);
    }

    @PostMapping("/parked/{runId}/{recordNumber}/replay")
    ParkedReplays.ReplayOutcome replay(@PathVariable long runId, @PathVariable long recordNumber) throws InterruptedException {
        ParkedReplays.ReplayOutcome outcome = replays.replay(runId, recordNumber);
        if (!outcome.found()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, outcome.detail());
        }
        return outcome;
    }
}
