package io.feedimport.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.feedimport.feed.Feeds;

/**
 * {@code serve [--port N] [--bind ADDRESS] [--jobs DIR]}: the review page (runs, skip reports, parked records with a
 * replay button), its JSON API and the actuator endpoints (health, Prometheus), until stopped.
 */
final class ServeCommand implements Command {

    static final int DEFAULT_PORT = 8080;

    private final PrintStream err;

    ServeCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "serve [--port 8080] [--bind 127.0.0.1] [--jobs DIR]  the review page: runs, skipped and parked records,"
                + " metrics; replay needs the feeds' definitions (--jobs, default ./jobs)";
    }

    @Override
    public Set<String> valueOptions() {
        Set<String> options = new HashSet<>(Listening.OPTIONS);
        options.add("jobs");
        return options;
    }

    @Override
    public int run(Arguments arguments) {
        arguments.expectPositionals(0);
        Listening listening = Listening.of(arguments, DEFAULT_PORT);
        // the page shows every run without definitions; replaying a parked record needs its feed's (see ReviewPages)
        Feeds feeds = FeedCatalog.ifAny(arguments).map(catalog -> new Feeds(catalog.feeds())).orElse(Feeds.NONE);
        if (feeds.all().isEmpty()) {
            err.println("feedimport serve: no feed definitions (no --jobs DIR and no jobs folder here): the page shows runs"
                    + " and parked records but cannot replay them");
        }
        EngineContext engine = EngineContext.start(arguments, feeds, listening, List.of(), context -> { });
        err.println("feedimport serve: review page on " + address(listening, engine.port()) + "; stop with Ctrl-C or SIGTERM");
        return UntilStopped.bySignal().await(name(), engine);
    }

    static String address(Listening listening, int port) {
        String host = listening.address().contains(":") ? "[" + listening.address() + "]" : listening.address();
        return "http://" + host + ":" + port + "/";
    }
}
