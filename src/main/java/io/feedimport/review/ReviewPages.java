package io.feedimport.review;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.feedimport.report.RunStatus;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkipReportCsv;
import io.feedimport.withdraw.WithdrawalLedger;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review page, rendered on the server: runs, a run with its chart and skip report, parked records. */
@Controller
final class ReviewPages {

    private static final int PAGE = 50;
    private static final Pattern RETURN_TO_PARKED = Pattern.compile("/parked(\\?[A-Za-z0-9=&%._-]*)?");

    private final RunReview review;
    private final ParkedReplays replays;
    private final HeldDecisions held;
    private final WithdrawalLedger withdrawals;

    ReviewPages(RunReview review, ParkedReplays replays, HeldDecisions held, WithdrawalLedger withdrawals) {
        this.review = review;
        this.replays = replays;
        this.held = held;
        this.withdrawals = withdrawals;
    }

    /** The feeds whose parked records this page can replay: it needs their definitions (serve's --jobs). */
    @ModelAttribute("replayable")
    Set<String> replayable() {
        return replays.replayableFeeds();
    }

    @GetMapping("/")
    String home() {
        return "redirect:/runs";
    }

    @GetMapping("/runs")
    String runs(@RequestParam(required = false) String feed, @RequestParam(required = false) Long before,
                @RequestParam(defaultValue = "50") int limit, Model model) {
        RunReview.RunsPage page = review.runs(feed, before, limit);
        model.addAttribute("page", page);
        model.addAttribute("runs", page.runs());
        model.addAttribute("pickups", before == null ? review.pickupsWithoutImport(feed, 20) : List.of());
        model.addAttribute("running", page.runs().stream().anyMatch(r -> r.status() == RunStatus.STARTED));
        return "runs";
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable long runId, @RequestParam(required = false) String field,
               @RequestParam(required = false) String rule, @RequestParam(defaultValue = "0") long offset,
               @RequestParam(defaultValue = "0") long withdrawnAfter, Model model) {
        RunReview.RunDetail detail = review.run(runId).orElseThrow(() -> noSuchRun(runId));
        SkipFilter filter = new SkipFilter(field, rule);
        model.addAttribute("detail", detail);
        model.addAttribute("run", detail.run());
        model.addAttribute("chart", ProgressChart.of(detail.samples()));
        model.addAttribute("outcomes", Outcomes.of(detail.run()));
        model.addAttribute("skips", review.skips(runId, filter, offset, PAGE));
        model.addAttribute("valuesHidden", !review.knowsSensitiveFields(detail.run().feed()));
        model.addAttribute("fields", detail.breakdown().stream().map(c -> c.field()).distinct().sorted().toList());
        model.addAttribute("rules", detail.breakdown().stream().map(c -> c.rule()).distinct().sorted().toList());
        // the keys a snapshot run withdrew or holds, a page at a time, by their place in the run's list
        model.addAttribute("withdrawnKeys", detail.run().withdrawals().state() == null ? List.of()
                : withdrawals.page(runId, withdrawnAfter, PAGE));
        return "run";
    }

    @GetMapping("/runs/{runId}/skips.csv")
    void csv(@PathVariable long runId, @RequestParam(required = false) String field, @RequestParam(required = false) String rule,
             HttpServletResponse response) throws IOException {
        if (!review.exists(runId)) {
            throw noSuchRun(runId);
        }
        SkipFilter filter = new SkipFilter(field, rule);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"run-" + runId + "-skips"
                + (filter.field() == null ? "" : "-" + safe(filter.field())) + (filter.rule() == null ? "" : "-" + safe(filter.rule()))
                + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        SkipReportCsv csv = new SkipReportCsv(writer);
        review.eachSkip(runId, filter, csv::write);
        csv.finish();
    }

    @GetMapping("/parked")
    String parked(@RequestParam(required = false) Long run, @RequestParam(required = false) String feed,
                  @RequestParam(defaultValue = "0") long offset, Model model) {
        model.addAttribute("parked", review.parked(run, feed, offset, PAGE));
        model.addAttribute("feeds", review.feeds());
        return "parked";
    }

    @PostMapping("/parked/{runId}/{recordNumber}/replay")
    String replay(@PathVariable long runId, @PathVariable long recordNumber, @RequestParam(defaultValue = "run") String back,
                  RedirectAttributes redirect) throws InterruptedException {
        ParkedReplays.ReplayOutcome outcome = replays.replay(runId, recordNumber);
        redirect.addFlashAttribute("notice", outcome.detail());
        redirect.addFlashAttribute("noticeOk", outcome.handled());
        return "redirect:" + returnTo(back, runId);
    }

    /**
     * Where a replay returns: the run's page, or the parked page it was pressed on, with its filter and offset. Only
     * a path of this page is followed, so a crafted form cannot send the reviewer elsewhere.
     */
    static String returnTo(String back, long runId) {
        if (back != null && RETURN_TO_PARKED.matcher(back).matches()) {
            return back;
        }
        return "/runs/" + runId + "#parked";
    }

    @PostMapping("/runs/{runId}/replay-parked")
    String replayRun(@PathVariable long runId, RedirectAttributes redirect) throws InterruptedException {
        ParkedReplays.RunReplayOutcome outcome = replays.replayRun(runId);
        redirect.addFlashAttribute("notice", outcome.detail());
        redirect.addFlashAttribute("noticeOk", outcome.done());
        return "redirect:/runs/" + runId + "#parked";
    }

    @PostMapping("/runs/{runId}/release")
    String release(@PathVariable long runId, RedirectAttributes redirect) throws InterruptedException {
        return settled(runId, held.release(runId), redirect);
    }

    @PostMapping("/runs/{runId}/discard")
    String discard(@PathVariable long runId, RedirectAttributes redirect) {
        return settled(runId, held.discard(runId), redirect);
    }

    private static String settled(long runId, HeldDecisions.Outcome outcome, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", outcome.detail());
        redirect.addFlashAttribute("noticeOk", outcome.done());
        return "redirect:/runs/" + runId + "#withdrawals";
    }

    private static ResponseStatusException noSuchRun(long runId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no run " + runId);
    }

    /** Field and rule names are the feed's own identifiers; anything else is kept out of the header. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
