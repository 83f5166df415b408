package io.feedimport.review;

import java.util.List;

import io.feedimport.report.ProgressSample;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipCount;
import io.feedimport.report.SkipFilter;
import io.feedimport.store.ParkedRecord;
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

    ReviewApi(RunReview review) {
        this.review = review;
    }

    @GetMapping("/runs")
    List<RunSummary> runs(@RequestParam(defaultValue = "50") int limit) {
        return review.recent(limit);
    }

    /** A run for scripts: its counts, whether they reconcile, why records were skipped, its progress, how many are parked. */
    record RunView(RunSummary run, boolean reconciled, List<SkipCount> skipBreakdown, List<ProgressSample> progress, int parked) {
    }

    @GetMapping("/runs/{runId}")
    RunView run(@PathVariable long runId) {
        RunReview.RunDetail detail = review.run(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "there is no run " + runId));
        return new RunView(detail.run(), detail.run().reconciles(), detail.breakdown(), detail.samples(), detail.parked().size());
    }

    @GetMapping("/runs/{runId}/skips")
    RunReview.SkipPage skips(@PathVariable long runId, @RequestParam(required = false) String field,
                             @RequestParam(required = false) String rule, @RequestParam(defaultValue = "0") long offset,
                             @RequestParam(defaultValue = "100") int limit) {
        return review.skips(runId, new SkipFilter(field, rule), offset, limit);
    }

    @GetMapping("/parked")
    List<ParkedRecord> parked(@RequestParam(required = false) Long run) {
        return review.parked(run);
    }

    @PostMapping("/parked/{runId}/{recordNumber}/replay")
    RunReview.ReplayOutcome replay(@PathVariable long runId, @PathVariable long recordNumber) throws InterruptedException {
        RunReview.ReplayOutcome outcome = review.replay(runId, recordNumber);
        if (!outcome.found()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, outcome.detail());
        }
        return outcome;
    }
}
