package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.transport.rabbit.WorkerPool;

/**
 * {@code worker [--feeds a,b] [--jobs DIR]}: consumes the feeds' queues until stopped. Start as many as needed, on
 * any machine that reaches the broker and the database; they share the work through the queues. The workers are the
 * engine's {@link WorkerPool}, a lifecycle bean switched on here; this command waits until stopped.
 */
final class WorkerCommand implements Command {

    private final PrintStream err;

    WorkerCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String usage() {
        return "worker [--feeds a,b] [--jobs DIR] [--port N]   consume the feeds' queues until stopped (--profile production)";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("feeds", "jobs", Listening.PORT, Listening.BIND);
    }

    @Override
    public int run(Arguments arguments) {
        arguments.expectPositionals(0);
        FeedCatalog catalog = FeedCatalog.of(arguments);
        List<FeedDefinition> feeds = catalog.chosen(arguments);
        if (feeds.isEmpty()) {
            throw new UsageException("no feed definitions in " + catalog.dir());
        }
        // with a port, the worker serves its metrics and health (and the review page) for Prometheus to scrape
        Listening listening = Listening.of(arguments, null);
        EngineContext engine = EngineContext.start(arguments, new Feeds(feeds), listening,
                List.of(WorkerPool.FEEDS + "=" + String.join(",", feeds.stream().map(FeedDefinition::name).toList())),
                context -> EngineContext.requireBroker(context, "workers consume RabbitMQ queues: start them with"
                        + " --profile production (or feedimport.transport=rabbitmq); the embedded default consumes inside `run`"));
        err.println("feedimport worker: consuming " + String.join(", ", feeds.stream()
                .map(f -> f.name() + " (" + f.delivery().consumers() + " consumers)").toList())
                + (listening == null ? "" : "; metrics on " + ServeCommand.address(listening, engine.port()) + "actuator/prometheus")
                + "; stop with Ctrl-C or SIGTERM");
        return UntilStopped.bySignal().await(name(), engine);
    }
}
