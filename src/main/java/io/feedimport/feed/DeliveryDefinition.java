package io.feedimport.feed;

import java.time.Duration;

/**
 * How a feed's records travel from the importer to the workers: per worker process, how many consumers and how many
 * unacknowledged messages each may hold; how often and how patiently a failing record is retried before it is
 * parked; how long one record may take; how many records per second the feed may store; and the kind of queue.
 *
 * @param rateLimit records per second for the feed as a whole, across every worker and consumer, or 0 for no limit
 * @param timeout how long one record may take: each of its statements (lookups, upsert) is cancelled after it
 */
public record DeliveryDefinition(int consumers, int prefetch, int maxRetries, Duration backoff, Duration backoffMax,
                                 Duration timeout, int rateLimit, QueueType queueType) {

    public static final DeliveryDefinition DEFAULT = new DeliveryDefinition(2, 500, 3, Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofSeconds(120), 0, QueueType.CLASSIC);

    public enum QueueType { CLASSIC, QUORUM }
}
