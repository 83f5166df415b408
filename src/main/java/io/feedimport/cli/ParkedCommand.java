package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.transport.ParkedRecord;
import io.feedimport.run.RunLedger;

/** {@code parked FEED [--run N] [--jobs DIR]}: the records of a feed that failed every attempt, with why and how often. */
final class ParkedCommand implements Command {

    private final PrintStream out;

    ParkedCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "parked";
    }

    @Override
    public String usage() {
        return "parked FEED [--run N] [--jobs DIR]    records that failed every attempt, with reason and attempts";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("run", "jobs");
    }

    @Override
    public int run(Arguments arguments) {
        String feed = arguments.positional(0, "feed name");
        arguments.expectPositionals(1);
        Long runId = arguments.option("run") == null ? null : arguments.number("run", 0, 1);
        try (EngineContext engine = EngineContext.start(arguments)) {
            List<ParkedRecord> parked = engine.bean(JdbcParkingLot.class).list(feed, runId);
            if (parked.isEmpty()) {
                requireKnown(feed, engine.bean(RunLedger.class).feeds(), arguments);
                out.println("no parked records for feed " + feed + (runId == null ? "" : " in run " + runId));
                return ExitCode.OK;
            }
            out.printf(Locale.ROOT, "%6s %9s %7s  %-20s %8s  %-20s %s%n", "run", "record", "line", "key", "attempts",
                    "parked (UTC)", "reason");
            for (ParkedRecord record : parked) {
                out.printf(Locale.ROOT, "%6d %9d %7d  %-20s %8d  %-20s %s%n", record.runId(), record.recordNumber(),
                        record.line(), record.key(), record.attempts(), record.parkedAt().toLocalDateTime().withNano(0),
                        record.reason());
            }
            out.println(parked.size() + " parked; after fixing the cause: " + (runId == null
                    ? arguments.hints().command("replay", feed, "--all")
                    : arguments.hints().command("replay", feed, "--run", String.valueOf(runId))));
            return ExitCode.OK;
        }
    }

    /** A misspelt feed has no parked records either: saying "none" would pass for good news. */
    private static void requireKnown(String feed, List<String> feedsWithRuns, Arguments arguments) {
        if (feedsWithRuns.contains(feed)) {
            return;
        }
        Optional<FeedCatalog> catalog = FeedCatalog.ifAny(arguments);
        List<String> defined = catalog.map(FeedCatalog::names).orElse(List.of());
        if (defined.contains(feed)) {
            return;
        }
        Set<String> known = new TreeSet<>(feedsWithRuns);
        known.addAll(defined);
        throw new UnknownNameException("no feed named '" + feed + "': no run has it" + catalog.map(c -> " and " + c.dir()
                + " does not define it").orElse("") + " (known feeds: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
    }
}
