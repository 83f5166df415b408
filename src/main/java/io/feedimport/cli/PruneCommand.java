package io.feedimport.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import io.feedimport.run.EngineProperties;
import io.feedimport.run.RunRetention;

/**
 * {@code prune [--keep-days N]}: forgets the per-record details of completed runs older than N days (by default
 * {@code feedimport.retention-days}), as the daemon does once a day; for a cron job when no daemon runs.
 */
final class PruneCommand implements Command {

    private final PrintStream out;

    PruneCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "prune";
    }

    @Override
    public String usage() {
        return "prune [--keep-days N]                 forget record outcomes, skip reports and progress of old completed runs";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("keep-days");
    }

    @Override
    public int run(Arguments arguments) {
        arguments.expectPositionals(0);
        // read before the engine starts, so a mistyped number is said at once
        Long given = arguments.option("keep-days") == null ? null : arguments.number("keep-days", 0, 0);
        try (EngineContext engine = EngineContext.start(arguments)) {
            long days = given != null ? given : engine.bean(EngineProperties.class).retentionDays();
            if (given == null && days == 0) {
                out.println("nothing pruned: feedimport.retention-days is 0 (keep for ever); say --keep-days N to prune anyway");
                return ExitCode.OK;
            }
            Instant before = Clock.systemUTC().instant().minus(Duration.ofDays(days));
            RunRetention.Pruned pruned = engine.bean(RunRetention.class).prune(before);
            out.println(describe(pruned, before));
            return ExitCode.OK;
        }
    }

    /** One line saying what a prune removed, for this command and for the daemon's once a day. */
    static String describe(RunRetention.Pruned pruned, Instant before) {
        return String.format(Locale.ROOT, "pruned the per-record details of %,d run(s) completed before %s: %,d record outcomes,"
                        + " %,d skip report lines, %,d progress samples; and %,d old pick-ups that imported nothing",
                pruned.runs(), before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), pruned.outcomes(), pruned.skipLines(),
                pruned.progressSamples(), pruned.pickups());
    }
}
