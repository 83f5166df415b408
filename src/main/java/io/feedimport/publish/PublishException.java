package io.feedimport.publish;

/** A message whose delivery could not be confirmed; the chunk that produced it must be retried. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
