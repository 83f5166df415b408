package io.feedimport.consume;

import io.feedimport.publish.RecordMessage;

/** Handles one message; must be idempotent, because every transport may deliver a message more than once. */
@FunctionalInterface
public interface RecordConsumer {

    Outcome consume(RecordMessage message);
}
