package io.feedimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.feedimport.report.RunSummary;
import io.feedimport.report.Withdrawals;
import io.feedimport.withdraw.Withdrawal;
import io.feedimport.withdraw.WithdrawalLedger;
import io.feedimport.report.SkipEntry;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkipReportCsv;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;

/** {@code report RUN_ID [--csv FILE]}: the skip report of a run, on the terminal or as CSV. */
final class ReportCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report RUN_ID [--csv FILE|--withdrawn] the skip report of a run, or the keys a snapshot run withdrew";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("csv");
    }

    @Override
    public Set<String> flags() {
        return Set.of("withdrawn");
    }

    @Override
    public int run(Arguments arguments) {
        long runId = arguments.runId();
        try (EngineContext engine = EngineContext.start(arguments)) {
            Optional<RunSummary> run = engine.bean(RunLedger.class).find(runId);
            if (run.isEmpty()) {
                throw new UnknownNameException("there is no run " + runId + " (see: " + arguments.hints().command("runs") + ")");
            }
            if (arguments.flag("withdrawn")) {
                return printWithdrawn(engine.bean(WithdrawalLedger.class), run.get());
            }
            Optional<OffsetDateTime> pruned = engine.bean(RunLedger.class).prunedAt(runId);
            if (pruned.isPresent() && run.get().skipped() > 0) {
                err.println("feedimport report: the skip report of run " + runId + " (" + run.get().skipped() + " records skipped)"
                        + " was pruned on " + pruned.get().toLocalDate() + ": completed runs keep it for feedimport.retention-days");
                return ExitCode.FAILED;
            }
            SkipReportStore store = engine.bean(SkipReportStore.class);
            if (arguments.option("csv") != null) {
                Path csv = Path.of(arguments.option("csv"));
                long[] lines = {0};
                try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    SkipReportCsv report = new SkipReportCsv(writer);
                    store.each(runId, SkipFilter.ALL, line -> {
                        report.write(line);
                        lines[0]++;
                    });
                    report.finish();
                }
                out.println("wrote " + lines[0] + " skip report lines of run " + runId + " to " + csv);
            } else {
                List<SkipEntry> entries = store.entries(runId);
                SkipReportPrinter printer = new SkipReportPrinter(out);
                entries.forEach(printer::print);
                out.println("run " + runId + " (" + run.get().feed() + ", " + run.get().status() + "): "
                        + run.get().skipped() + " records skipped, " + entries.size() + " violations");
            }
            return ExitCode.OK;
        } catch (IOException e) {
            throw new UsageException("cannot write " + arguments.option("csv") + ": " + e.getMessage());
        }
    }

    /** The keys a snapshot run withdrew, or holds, one per line, as the target's key columns hold them. */
    private int printWithdrawn(WithdrawalLedger withdrawals, RunSummary run) {
        Withdrawals.State state = run.withdrawals().state();
        long listed = 0;
        for (List<Withdrawal> page = withdrawals.page(run.runId(), 0, 1000); !page.isEmpty();
             page = withdrawals.page(run.runId(), page.get(page.size() - 1).seq(), 1000)) {
            for (Withdrawal withdrawal : page) {
                out.println(withdrawal.key());
                listed++;
            }
        }
        out.println("run " + run.runId() + " (" + run.feed() + ", " + run.status() + "): " + (state == null
                ? "not a snapshot run: it withdraws nothing"
                : listed + " key(s) " + switch (state) {
                    case HELD -> "held (feedimport release " + run.runId() + " applies them)";
                    case DISCARDED -> "listed; the withdrawals were discarded";
                    case LISTED -> "listed, not yet sent";
                    default -> "withdrawn (" + run.withdrawals().withdrawn() + " applied, " + run.withdrawals().kept()
                            + " kept: written by a later run, " + run.withdrawals().parked() + " parked)";
                }));
        return ExitCode.OK;
    }
}
