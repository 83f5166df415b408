package io.feedimport.reference;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.feedimport.feed.FeedDefinition;

/**
 * The lookup resolvers of a process, one per feed, each with a cache of its feed's ttl and its statements bounded by
 * the feed's delivery timeout: in-process on the embedded
 * default, Redis with a near cache when workers run on several machines. Built on first use, closed with the process.
 */
public final class FeedLookups implements AutoCloseable {

    private final ReferenceTable table;
    private final Function<Duration, LookupCache> caches;
    private final Map<String, ReferenceResolver> resolvers = new ConcurrentHashMap<>();
    private final Map<String, LookupCache> opened = new ConcurrentHashMap<>();

    /** @param caches makes the cache of one feed for its ttl ({@link LookupCaches#local} or a Redis one) */
    public FeedLookups(ReferenceTable table, Function<Duration, LookupCache> caches) {
        this.table = table;
        this.caches = caches;
    }

    public ReferenceResolver resolver(FeedDefinition feed) {
        return resolvers.computeIfAbsent(feed.name(), name -> {
            LookupCache cache = caches.apply(feed.cache().ttl());
            opened.put(name, cache);
            return new ReferenceResolver(table.withTimeout(feed.delivery().timeout()), cache);
        });
    }

    /** Hits, misses and loads of every feed's lookups so far, added up. */
    public CacheStats stats() {
        return resolvers.values().stream().map(ReferenceResolver::stats).reduce(new CacheStats(0, 0, 0, 0, 0, 0),
                (a, b) -> new CacheStats(a.hits() + b.hits(), a.redisHits() + b.redisHits(), a.misses() + b.misses(),
                        a.databaseLoads() + b.databaseLoads(), a.created() + b.created(),
                        a.redisFailures() + b.redisFailures()));
    }

    @Override
    public void close() {
        for (LookupCache cache : opened.values()) {
            if (cache instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // shutting down anyway
                }
            }
        }
        opened.clear();
        resolvers.clear();
    }
}
