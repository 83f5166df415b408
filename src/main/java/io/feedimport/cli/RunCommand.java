package io.feedimport.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.read.RecordReaders;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.reference.CacheStats;
import io.feedimport.reference.FeedLookups;
import io.feedimport.run.EarlyChecksum;
import io.feedimport.run.ImportRunner;

/** {@code run JOB.yml --file FILE [--full] [--json]}: imports a file now, or resumes its interrupted run. */
final class RunCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run JOB.yml --file FILE [--full] [--json]   import FILE now (resumes the run if it was interrupted);"
                + " --full also sends the records unchanged since they were last stored";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("file");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "full");
    }

    @Override
    public int run(Arguments arguments) {
        FeedAndFile input = FeedAndFile.of(arguments);
        FeedDefinition feed = input.feed();
        Path file = input.file();
        RecordReaders.requireReadable(feed, file); // before the engine starts: a wrong file never becomes a run
        // a new export's checksum, which tells the run, is read on the side while the engine starts
        EarlyChecksum early = EarlyChecksum.start(file.toAbsolutePath().normalize());
        RunSummary summary;
        try (EngineContext engine = EngineContext.start(arguments)) {
            // System.console() is null when stdin or stdout is not a terminal, as under cron or with --json > file
            ProgressPrinter progress = new ProgressPrinter(err, System.console() != null);
            try {
                summary = engine.bean(ImportRunner.class).run(feed, file, progress, arguments.flag("full"), early);
            } finally {
                progress.finish();
            }
            if (!feed.lookups().isEmpty()) {
                // in this process only: with RabbitMQ the lookups happen in the workers, which have their own counts
                CacheStats lookups = engine.bean(FeedLookups.class).stats();
                long asked = lookups.hits() + lookups.misses();
                if (asked > 0) {
                    err.printf(java.util.Locale.ROOT, "feedimport: lookups: %.1f%% from the cache (%d hits, %d misses,"
                            + " %d database reads, %d created)%n", 100.0 * lookups.hits() / asked, lookups.hits(),
                            lookups.misses(), lookups.databaseLoads(), lookups.created());
                }
            }
            engine.compactEmbeddedDatabase(err);
        } finally {
            early.stop(); // also when the engine failed to start: the file is not read for nothing
        }
        if (summary.status() != RunStatus.COMPLETED) {
            err.println("feedimport: run " + summary.runId() + " failed: " + summary.message());
        }
        // the definitions of this feed are in its file's folder: replay finds them there, not in ./jobs
        Hints hints = arguments.hints().withDefinitionsOf(feed.source());
        if (arguments.flag("json")) {
            out.println(summary.toJson());
        } else {
            new SummaryPrinter(out, hints).print(summary);
        }
        if (summary.parked() > 0) {
            String run = String.valueOf(summary.runId());
            err.println("feedimport: run " + run + " parked " + summary.parked() + " record(s) that failed every"
                    + " attempt; review them with: " + hints.command("parked", feed.name(), "--run", run)
                    + "; after fixing the cause: " + hints.command("replay", feed.name(), "--run", run));
        }
        return summary.verdict().succeeded() ? ExitCode.OK : ExitCode.FAILED;
    }
}
