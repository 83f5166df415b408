package io.feedimport.cli;

import java.io.PrintStream;
import java.util.Locale;

import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.Withdrawals;

/** Prints a run's summary for people: the counts, and the equation that proves nothing was lost. */
final class SummaryPrinter {

    private final PrintStream out;
    private final Hints hints;

    SummaryPrinter(PrintStream out, Hints hints) {
        this.out = out;
        this.hints = hints;
    }

    void print(RunSummary run) {
        if (run.status() == RunStatus.HELD) {
            // the one line a person must read: why, how many, and the command that applies them
            String message = run.message() == null ? "HELD" : run.message();
            int apply = message.indexOf(" Apply them with: ");
            String id = String.valueOf(run.runId());
            out.printf(Locale.ROOT, "run %d of feed %s: %s%n", run.runId(), run.feed(), apply < 0 ? message
                    : message.substring(0, apply) + " Apply them with: " + hints.command("release", id)
                    + " (or drop them: " + hints.command("discard", id) + ")");
        }
        out.printf(Locale.ROOT, "run %d of feed %s: %s in %.1f s%n", run.runId(), run.feed(), run.verdict().label(),
                run.durationMs() / 1000.0);
        out.printf(Locale.ROOT, "  file       %s%n", run.file());
        out.printf(Locale.ROOT, "  read       %,d%n", run.read());
        out.printf(Locale.ROOT, "  skipped    %,d%s%s%n", run.skipped(),
                run.rejected() > 0 ? "   (" + run.rejected() + " valid but refused by the database)" : "",
                run.skipped() > 0 ? "   (why: " + hints.command("report", String.valueOf(run.runId())) + ")" : "");
        out.printf(Locale.ROOT, "  published  %,d%n", run.published());
        out.printf(Locale.ROOT, "  persisted  %,d%n", run.persisted());
        out.printf(Locale.ROOT, "  unchanged  %,d%s%s%n", run.unchanged(),
                run.unchangedAtSource() > 0 ? String.format(Locale.ROOT, "   (%,d not sent: as last stored)",
                        run.unchangedAtSource()) : "",
                run.outdated() > 0 ? "   (" + run.outdated() + " older than what is stored)" : "");
        out.printf(Locale.ROOT, "  parked     %,d%n", run.parked());
        out.printf(Locale.ROOT, "  %s: %,d read = %,d skipped + %,d persisted + %,d unchanged + %,d parked%n",
                run.reconciles() ? "reconciled" : "NOT reconciled", run.read(), run.skipped(), run.persisted(),
                run.unchanged(), run.parked());
        Withdrawals withdrawals = run.withdrawals();
        if (withdrawals.state() != null) {
            out.printf(Locale.ROOT, "  withdrawn  %,d%s%s%s%n", withdrawals.withdrawn(),
                    withdrawals.held() > 0 ? String.format(Locale.ROOT, "   (%,d held)", withdrawals.held()) : "",
                    withdrawals.kept() > 0 ? String.format(Locale.ROOT, "   (%,d kept: written by a later run)",
                            withdrawals.kept()) : "",
                    withdrawals.parked() > 0 ? String.format(Locale.ROOT, "   (%,d parked)", withdrawals.parked()) : "");
        }
        if (run.status() != RunStatus.COMPLETED && run.status() != RunStatus.HELD && run.message() != null) {
            out.println("  reason     " + run.message());
        }
    }
}
