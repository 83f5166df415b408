package io.feedimport.publish;

import java.util.List;

/** Hands messages to a transport and returns only once every one of them is confirmed. */
public interface RecordPublisher extends AutoCloseable {

    /** @throws PublishException when any message could not be confirmed; the caller must not commit its progress */
    void publish(List<RecordMessage> messages);

    /** Releases the transport's resources once the run no longer publishes. */
    @Override
    default void close() {
    }
}
