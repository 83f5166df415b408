package io.feedimport.transport;

import io.feedimport.consume.EntityConsumers;
import io.feedimport.consume.RateLimits;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.publish.RecordPublisher;

/** Wires, per run, the in-process transport to a consumer that upserts the feed's entities, behind its rate limit. */
public final class InProcessPublisherFactory implements PublisherFactory {

    private final EntityConsumers consumers;
    private final ParkingLot parkingLot;
    private final RetryPolicy retryPolicy;
    private final int concurrency;
    private final FeedMetrics metrics;
    private final InProcessQueueDepths depths;
    private final RateLimits rateLimits;

    public InProcessPublisherFactory(EntityConsumers consumers, ParkingLot parkingLot, RetryPolicy retryPolicy,
                                     int concurrency, FeedMetrics metrics, InProcessQueueDepths depths,
                                     RateLimits rateLimits) {
        this.consumers = consumers;
        this.parkingLot = parkingLot;
        this.retryPolicy = retryPolicy;
        this.concurrency = concurrency;
        this.metrics = metrics;
        this.depths = depths;
        this.rateLimits = rateLimits;
    }

    @Override
    public RecordPublisher open(FeedDefinition feed) {
        return new InProcessTransport(rateLimits.limit(feed, consumers.forFeed(feed)), parkingLot, retryPolicy, concurrency, metrics.watch(feed),
                depths.of(feed.name()));
    }
}
