package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.reference.FeedLookups;

/**
 * {@code cache evict LOOKUP [--jobs DIR]}: forgets the cached reference data of a lookup in every feed declaring it,
 * so a changed agent or city is seen by the next record instead of after the cache's ttl. With Redis (production)
 * that is every worker's cache; on the embedded default each run starts with an empty cache anyway.
 */
final class CacheCommand implements Command {

    private final PrintStream out;

    CacheCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public String usage() {
        return "cache evict LOOKUP [--jobs DIR]        forget a lookup's cached reference data now (all workers)";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("jobs");
    }

    @Override
    public int run(Arguments arguments) {
        String action = arguments.positional(0, "action (evict)");
        String lookup = arguments.positional(1, "lookup name");
        arguments.expectPositionals(2);
        if (!action.equals("evict")) {
            throw new UsageException("unknown action '" + action + "'; expected evict");
        }
        FeedCatalog catalog = FeedCatalog.of(arguments);
        List<FeedDefinition> feeds = catalog.feeds().stream().filter(f -> f.lookups().containsKey(lookup)).toList();
        if (feeds.isEmpty()) {
            throw new UsageException("no feed in " + catalog.dir() + " declares a lookup named '" + lookup + "'");
        }
        try (EngineContext engine = EngineContext.start(arguments)) {
            FeedLookups lookups = engine.bean(FeedLookups.class);
            for (FeedDefinition feed : feeds) {
                lookups.resolver(feed).evict(feed.lookups().get(lookup));
                out.println("evicted lookup " + lookup + " of feed " + feed.name() + " (table "
                        + feed.lookups().get(lookup).table() + ")");
            }
            return ExitCode.OK;
        }
    }
}
