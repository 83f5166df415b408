package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.schedule.PickupLog;
import io.feedimport.run.RunLedger;

/** {@code runs [--limit N] [--feed NAME]}: recent runs with their counts and status. */
final class RunsCommand implements Command {

    private final PrintStream out;

    RunsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String usage() {
        return "runs [--limit N] [--feed NAME]        recent runs with their counts and status";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("limit", "feed");
    }

    @Override
    public int run(Arguments arguments) {
        arguments.expectPositionals(0);
        int limit = (int) arguments.number("limit", 20, 1);
        try (EngineContext engine = EngineContext.start(arguments)) {
            List<RunSummary> runs = engine.bean(RunLedger.class).recent(arguments.option("feed"), null, limit);
            out.printf(Locale.ROOT, "%6s  %-12s %-9s %10s %9s %10s %10s %7s %10s  %-20s %s%n", "run", "feed", "status", "read",
                    "skipped", "persisted", "unchanged", "parked", "withdrawn", "started (UTC)", "file");
            for (RunSummary run : runs) {
                // outcomes of a run in progress are only counted when it ends; read and skipped move with each chunk
                boolean going = run.status() == RunStatus.STARTED;
                out.printf(Locale.ROOT, "%6d  %-12s %-9s %10d %9d %10s %10s %7s %10s  %-20s %s%n", run.runId(), run.feed(),
                        run.status(), run.read(), run.skipped(), going ? "-" : run.persisted(), going ? "-" : run.unchanged(),
                        going ? "-" : run.parked(), withdrawn(run), run.startedAt() == null ? "" : run.startedAt().toLocalDateTime().withNano(0),
                        run.file());
            }
            if (runs.isEmpty()) {
                out.println("no runs yet: try " + arguments.hints().command("run", "jobs/offers-xml.yml", "--file",
                        "sample-feeds/offers.xml"));
            }
            // a scheduled pick-up that found nothing leaves no run: it is listed here so a missed export is seen
            List<PickupLog.Pickup> missed = engine.bean(PickupLog.class).recentWithoutImport(arguments.option("feed"), limit);
            if (!missed.isEmpty()) {
                out.println();
                out.println("pick-ups that imported nothing:");
                out.printf(Locale.ROOT, "  %-19s  %-12s %-5s %-9s %s%n", "started (UTC)", "feed", "by", "outcome", "detail");
                for (PickupLog.Pickup pickup : missed) {
                    out.printf(Locale.ROOT, "  %-19s  %-12s %-5s %-9s %s%n",
                            pickup.startedAt().toString().substring(0, 19).replace('T', ' '), pickup.feed(), pickup.trigger(),
                            pickup.outcome(), pickup.detail());
                }
            }
            return ExitCode.OK;
        }
    }

    /** Withdrawn keys of a snapshot run; "-" for a run that only upserts, "N held" while its guard holds them. */
    private static String withdrawn(RunSummary run) {
        if (run.withdrawals().state() == null) {
            return "-";
        }
        return run.withdrawals().held() > 0 ? run.withdrawals().held() + " held" : String.valueOf(run.withdrawals().withdrawn());
    }
}
