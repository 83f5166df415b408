package io.feedimport.consume;

import java.util.List;

import io.feedimport.publish.RecordMessage;

/**
 * Handles a batch of messages and says, per message and in the same order, how it ended. Knows nothing of the
 * transport, so it is specified without a broker. Must be idempotent: every transport may deliver a message twice.
 */
@FunctionalInterface
public interface RecordConsumer {

    List<Outcome> consume(List<RecordMessage> batch);
}
