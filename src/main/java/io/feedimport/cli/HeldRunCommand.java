package io.feedimport.cli;

import java.io.PrintStream;
import java.util.Set;

import io.feedimport.report.RunSummary;
import io.feedimport.run.HeldRuns;

/**
 * {@code release RUN_ID} and {@code discard RUN_ID}: what a person decides for a snapshot run whose guard held its
 * withdrawals. Release sends them and waits until they are applied; discard drops them. Its upserts stood all along.
 */
final class HeldRunCommand implements Command {

    private final PrintStream out;
    private final boolean release;

    private HeldRunCommand(PrintStream out, boolean release) {
        this.out = out;
        this.release = release;
    }

    static HeldRunCommand release(PrintStream out) {
        return new HeldRunCommand(out, true);
    }

    static HeldRunCommand discard(PrintStream out) {
        return new HeldRunCommand(out, false);
    }

    @Override
    public String name() {
        return release ? "release" : "discard";
    }

    @Override
    public String usage() {
        return release ? "release RUN_ID                        apply the withdrawals a snapshot run's guard held"
                : "discard RUN_ID                        drop the withdrawals a snapshot run's guard held";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("jobs");
    }

    @Override
    public int run(Arguments arguments) {
        long runId = arguments.runId();
        try (EngineContext engine = EngineContext.start(arguments)) {
            HeldRuns held = engine.bean(HeldRuns.class);
            RunSummary run = release ? held.release(FeedCatalog.of(arguments).named(held.feedOf(runId)), runId)
                    : held.discard(runId);
            new SummaryPrinter(out, arguments.hints()).print(run);
            return run.verdict().succeeded() ? ExitCode.OK : ExitCode.FAILED;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        }
    }
}
