package io.feedimport.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

import io.feedimport.run.EngineProperties;
import io.feedimport.transport.ParkedReplay;
import io.feedimport.report.RunSummary;

/** {@code replay FEED (--run N | --all) [--jobs DIR]}: sends parked records back to be handled again. */
final class ReplayCommand implements Command {

    private final PrintStream out;

    ReplayCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String usage() {
        return "replay FEED (--run N | --all)         send parked records back to be handled again, update the counts";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("run", "jobs");
    }

    @Override
    public Set<String> flags() {
        return Set.of("all");
    }

    @Override
    public int run(Arguments arguments) {
        String feedName = arguments.positional(0, "feed name");
        arguments.expectPositionals(1);
        boolean all = arguments.flag("all");
        Long runId = arguments.option("run") == null ? null : arguments.number("run", 0, 1);
        if (all == (runId != null)) {
            throw new UsageException("say which parked records to replay: --run N, or --all for every run of the feed");
        }
        var feed = FeedCatalog.of(arguments).named(feedName);
        try (EngineContext engine = EngineContext.start(arguments)) {
            Duration wait = engine.bean(EngineProperties.class).reconcileTimeout();
            ParkedReplay.Result result = engine.bean(ParkedReplay.class).replay(feed, runId, wait);
            if (result.replayed() + result.parkedAgain() == 0) {
                out.println("no parked records for feed " + feedName + (runId == null ? "" : " in run " + runId));
                return ExitCode.OK;
            }
            out.println("replayed " + result.replayed() + " parked record(s) of feed " + feedName
                    + (result.parkedAgain() == 0 ? "" : "; " + result.parkedAgain() + " parked again or still pending"
                    + " (see: " + arguments.hints().command("parked", feedName) + ")"));
            for (RunSummary run : result.runs()) {
                out.println("run " + run.runId() + ": read " + run.read() + ", skipped " + run.skipped() + ", persisted "
                        + run.persisted() + ", unchanged " + run.unchanged() + ", parked " + run.parked()
                        + (run.reconciles() ? "" : " (does not reconcile yet)"));
            }
            return result.parkedAgain() == 0 ? ExitCode.OK : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        }
    }
}
