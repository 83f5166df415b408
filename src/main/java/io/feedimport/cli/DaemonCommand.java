package io.feedimport.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.run.EngineProperties;
import io.feedimport.schedule.Housekeeping;
import io.feedimport.schedule.ScheduleConfiguration;
import io.feedimport.transport.rabbit.WorkerPool;

/**
 * {@code daemon [--feeds a,b] [--jobs DIR] [--workers]}: picks up every feed with a {@code source} at its schedule
 * or every pollEvery until stopped; with {@code --workers} (production) it consumes the feeds' queues too. The daemon,
 * its housekeeping and its workers are the engine's lifecycle beans, switched on here; this command prints what they
 * report and waits.
 */
final class DaemonCommand implements Command {

    private final PrintStream err;

    DaemonCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public String usage() {
        return "daemon [--feeds a,b] [--jobs DIR] [--workers] [--port N [--bind ADDRESS]]   pick up feeds on schedule"
                + " until stopped (+ workers, + review page)";
    }

    @Override
    public java.util.Set<String> valueOptions() {
        return java.util.Set.of("feeds", "jobs", Listening.PORT, Listening.BIND);
    }

    @Override
    public java.util.Set<String> flags() {
        return java.util.Set.of("workers");
    }

    @Override
    public int run(Arguments arguments) {
        arguments.expectPositionals(0);
        FeedCatalog catalog = FeedCatalog.of(arguments);
        List<FeedDefinition> chosen = catalog.chosen(arguments);
        List<FeedDefinition> feeds = chosen.stream().filter(f -> f.pickup() != null).toList();
        chosen.stream().filter(f -> f.pickup() == null).forEach(f -> err.println("feedimport daemon: " + f.name()
                + ": no source: in its definition, nothing to pick up" + (f.schedule() == null ? "" : " (its schedule is ignored)")));
        if (feeds.isEmpty()) {
            throw new UsageException("no feed in " + catalog.dir() + " has a source: to pick up files from");
        }
        Listening listening = Listening.of(arguments, null);
        boolean workers = arguments.flag("workers");
        List<String> switches = new ArrayList<>(List.of(ScheduleConfiguration.DAEMON + "=true"));
        if (workers) {
            switches.add(WorkerPool.FEEDS + "=" + String.join(",", feeds.stream().map(FeedDefinition::name).toList()));
        }
        EngineContext engine = EngineContext.start(arguments, new Feeds(chosen), listening, switches, context -> {
            if (workers) {
                EngineContext.requireBroker(context, "--workers consumes RabbitMQ queues: add --profile production; the"
                        + " embedded default consumes inside each import already");
            }
            context.getBeanFactory().registerSingleton("scheduleEvents", new DaemonPrinter(err));
        });
        err.println("feedimport daemon: picking up " + String.join(", ", feeds.stream().map(f -> f.name() + " ("
                + (f.schedule() == null ? "every " + f.pickup().pollEvery().toSeconds() + "s"
                : "cron " + f.schedule().cron() + " " + f.schedule().zone()) + ")").toList())
                + (workers ? "; consuming their queues" : "")
                + (engine.bean(Housekeeping.class).prunes() ? "; pruning runs completed over "
                + engine.bean(EngineProperties.class).retentionDays() + " days ago once a day" : "")
                + (listening == null ? "" : "; review page on " + ServeCommand.address(listening, engine.port()))
                + "; stop with Ctrl-C or SIGTERM");
        return UntilStopped.bySignal().await(name(), engine);
    }
}
