package io.feedimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipEntry;
import io.feedimport.store.RunLedger;
import io.feedimport.store.SkipReportStore;

/** {@code report RUN_ID [--csv FILE]}: the skip report of a run, on the terminal or as CSV. */
final class ReportCommand implements Command {

    private final PrintStream out;

    ReportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report RUN_ID [--csv FILE]            the skip report of a run";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("csv");
    }

    @Override
    public int run(Arguments arguments) {
        long runId = arguments.runId();
        try (EngineContext engine = EngineContext.start(arguments)) {
            Optional<RunSummary> run = engine.bean(RunLedger.class).find(runId);
            if (run.isEmpty()) {
                throw new UsageException("there is no run " + runId + " (see: feedimport runs)");
            }
            List<SkipEntry> entries = engine.bean(SkipReportStore.class).entries(runId);
            if (arguments.option("csv") != null) {
                Path csv = Path.of(arguments.option("csv"));
                SkipReportPrinter.writeCsv(entries, csv);
                out.println("wrote " + entries.size() + " skip report lines of run " + runId + " to " + csv);
            } else {
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
}
