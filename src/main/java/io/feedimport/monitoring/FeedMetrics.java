package io.feedimport.monitoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The engine's metrics: per feed, the {@link FeedMeters} that the stages count and time into, and the depths of its
 * main, retry and error queues as gauges ({@value #QUEUE_DEPTH}). Gauges exist for every feed the process was
 * started with and for every feed it has met since, so a dashboard sees a worker's queues before any record moves.
 */
public final class FeedMetrics {

    static final String QUEUE_DEPTH = "feedimport.queue.depth";

    private final MeterRegistry registry;
    private final QueueDepths depths;
    private final Map<String, FeedMeters> feeds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> watched = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry, QueueDepths depths, Feeds known) {
        this.registry = registry;
        this.depths = depths;
        known.all().forEach(this::watch);
    }

    /** Metrics that go nowhere: for code run outside the engine's context, and for tests that do not look. */
    public static FeedMetrics none() {
        // a composite registry without registries hands out meters that record nothing
        return new FeedMetrics(new CompositeMeterRegistry(), QueueDepths.NONE, Feeds.NONE);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The meters of a feed known by name only (a message's feed); its queue gauges come with {@link #watch}. */
    public FeedMeters feed(String name) {
        return feeds.computeIfAbsent(name, feed -> new FeedMeters(registry, feed));
    }

    /** The meters of a feed, with gauges of its queue depths registered on first sight. */
    public FeedMeters watch(FeedDefinition feed) {
        if (watched.putIfAbsent(feed.name(), Boolean.TRUE) == null) {
            for (QueueDepths.Queue queue : QueueDepths.Queue.values()) {
                Gauge.builder(QUEUE_DEPTH, depths, source -> source.depth(feed, queue))
                        .description("messages waiting in the feed's " + queue.tag() + " queue; NaN when the transport cannot tell")
                        .tags("feed", feed.name(), "queue", queue.tag())
                        .strongReference(true)
                        .register(registry);
            }
        }
        return feed(feed.name());
    }
}
