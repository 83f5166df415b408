package io.feedimport.publish;

import io.feedimport.feed.FeedDefinition;

/** Opens the transport a run publishes through; the configuration decides which transport that is. */
@FunctionalInterface
public interface PublisherFactory {

    RecordPublisher open(FeedDefinition feed);
}
