package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.source.FileEvent;
import io.feedimport.schedule.FeedPickup;
import io.feedimport.schedule.PickupResult;

/**
 * {@code poll FEED [--jobs DIR]}: one polling pass over the feed's drop folder now, importing what is ready; under
 * the feed's lock, so it can run from cron beside a daemon.
 */
final class PollCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    PollCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public String usage() {
        return "poll FEED [--jobs DIR]                one polling pass over the feed's drop folder: import what is ready";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("jobs");
    }

    @Override
    public int run(Arguments arguments) {
        String name = arguments.positional(0, "feed name");
        arguments.expectPositionals(1);
        FeedDefinition feed = FeedCatalog.of(arguments).named(name);
        if (feed.pickup() == null) {
            throw new UsageException("feed " + name + " (" + feed.source() + ") has no source: to poll; import a file with "
                    + arguments.hints().command("run", feed.source().toString(), "--file", "FILE"));
        }
        try (EngineContext engine = EngineContext.start(arguments)) {
            PickupResult result = engine.bean(FeedPickup.class).poll(feed);
            if (result.outcome().equals("SKIPPED")) {
                // not an error: a daemon or another poll is at it right now, and will import what is ready
                out.println("skipped   -                                " + result.summary());
                return ExitCode.OK;
            }
            List<FileEvent> events = result.events();
            boolean failed = false;
            for (FileEvent event : events) {
                failed |= event.kind() == FileEvent.Kind.FAILED || event.kind() == FileEvent.Kind.ERROR
                        || event.kind() == FileEvent.Kind.STALLED;
                out.printf(Locale.ROOT, "%-9s %-32s %s%s%n", event.kind().name().toLowerCase(Locale.ROOT),
                        event.file() == null ? "-" : event.file(), event.runId() == null ? "" : "run " + event.runId() + ": ",
                        event.detail());
            }
            engine.compactEmbeddedDatabase(err);
            return failed ? ExitCode.FAILED : ExitCode.OK;
        }
    }
}
