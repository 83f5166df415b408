package io.feedimport.publish;

import java.util.Set;

import io.feedimport.feed.FeedDefinition;

/**
 * The transport's own copy of parked messages, if it keeps one (RabbitMQ's parking queue); replay removes the copies
 * of the records it sent back, so the queue shows what is still parked.
 */
@FunctionalInterface
public interface ParkedQueue {

    ParkedQueue NONE = (feed, messageIds) -> 0;

    /** @return how many copies were removed */
    int discard(FeedDefinition feed, Set<String> messageIds);
}
