package io.feedimport.monitoring;

import java.util.Locale;

import io.feedimport.feed.FeedDefinition;

/**
 * Tells how many messages of a feed wait in each of its queues, as far as the transport of this process can tell.
 * Implementations answer at once from what they last saw, never by waiting on a broker or a database, so a scrape
 * of the metrics is never slowed or failed by an outage: what they cannot tell is {@link Double#NaN}.
 */
public interface QueueDepths {

    /** Knows nothing; what a process without a transport (or a test) reports. */
    QueueDepths NONE = (feed, queue) -> Double.NaN;

    /** Messages waiting in the feed's queue of that kind, or NaN when unknown. */
    double depth(FeedDefinition feed, Queue queue);

    /** The three kinds of queue every transport has, under the names dashboards use. */
    enum Queue {
        /** Records waiting for a consumer. */
        MAIN,
        /** Records waiting out a backoff before they are delivered again. */
        RETRY,
        /** Records that failed every attempt and wait for someone to replay them (parked). */
        ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
