package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.feedimport.store.JdbcParkingLot;
import io.feedimport.store.ParkedRecord;

/** {@code parked FEED [--run N]}: the records of a feed that failed every attempt, with why and how often. */
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
        return "parked FEED [--run N]                 records that failed every attempt, with reason and attempts";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("run");
    }

    @Override
    public int run(Arguments arguments) {
        String feed = arguments.positional(0, "feed name");
        arguments.expectPositionals(1);
        Long runId = arguments.option("run") == null ? null : arguments.number("run", 0, 1);
        try (EngineContext engine = EngineContext.start(arguments)) {
            List<ParkedRecord> parked = engine.bean(JdbcParkingLot.class).list(feed, runId);
            if (parked.isEmpty()) {
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
            out.println(parked.size() + " parked; after fixing the cause: feedimport replay " + feed
                    + (runId == null ? " --all" : " --run " + runId));
            return ExitCode.OK;
        }
    }
}
