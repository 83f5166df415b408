package io.feedimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.run.EngineProperties;
import io.feedimport.schedule.FeedDaemon;
import io.feedimport.schedule.FeedPickup;
import io.feedimport.schedule.Housekeeping;
import io.feedimport.schedule.PickupLog;
import io.feedimport.run.RunRetention;
import io.feedimport.transport.rabbit.WorkerPool;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

/**
 * {@code daemon [--feeds a,b] [--jobs DIR] [--workers]}: picks up every feed with a {@code source} at its schedule
 * or every pollEvery until stopped; with {@code --workers} (production) it consumes the feeds' queues too.
 */
final class DaemonCommand implements Command {

    /** Not at once: a daemon restarted in a loop should not prune on every start, and its first pick-ups come first. */
    private static final Duration FIRST_PRUNE_AFTER = Duration.ofMinutes(5);

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
        EngineContext engine = EngineContext.start(arguments, new Feeds(chosen), listening);
        WorkerPool workers = arguments.flag("workers") ? workers(engine, feeds) : null;
        FeedDaemon daemon = new FeedDaemon(engine.bean(FeedPickup.class), engine.bean(PickupLog.class),
                java.time.Clock.systemUTC(), err);
        Housekeeping housekeeping = housekeeping(engine);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            if (housekeeping != null) {
                housekeeping.close();
            }
            if (workers != null) {
                workers.close();
            }
            engine.close();
            stopped.countDown();
        }, "feedimport-daemon-shutdown"));
        daemon.start(feeds);
        err.println("feedimport daemon: picking up " + String.join(", ", feeds.stream().map(f -> f.name() + " ("
                + (f.schedule() == null ? "every " + f.pickup().pollEvery().toSeconds() + "s"
                : "cron " + f.schedule().cron() + " " + f.schedule().zone()) + ")").toList())
                + (workers == null ? "" : "; consuming their queues")
                + (housekeeping == null ? "" : "; pruning runs completed over " + engine.bean(EngineProperties.class).retentionDays()
                + " days ago once a day")
                + (listening == null ? "" : "; review page on " + ServeCommand.address(listening, engine.port()))
                + "; stop with Ctrl-C or SIGTERM");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** A daemon runs for weeks: it keeps the engine's tables from growing with every run, unless told to keep for ever. */
    private Housekeeping housekeeping(EngineContext engine) {
        int days = engine.bean(EngineProperties.class).retentionDays();
        if (days == 0) {
            return null;
        }
        Housekeeping housekeeping = new Housekeeping(engine.bean(RunRetention.class), Duration.ofDays(days),
                java.time.Clock.systemUTC(), err);
        housekeeping.start(FIRST_PRUNE_AFTER, Duration.ofDays(1));
        return housekeeping;
    }

    private static WorkerPool workers(EngineContext engine, List<FeedDefinition> feeds) {
        try {
            WorkerPool pool = engine.bean(WorkerPool.class);
            pool.start(feeds);
            return pool;
        } catch (NoSuchBeanDefinitionException e) {
            engine.close();
            throw new UsageException("--workers consumes RabbitMQ queues: add --profile production; the embedded default"
                    + " consumes inside each import already");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the workers: " + e.getMessage(), e);
        }
    }
}
