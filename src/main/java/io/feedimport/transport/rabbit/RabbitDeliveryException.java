package io.feedimport.transport.rabbit;

import io.feedimport.publish.PublishException;

/** Messages could not be handed to the broker safely: the caller must not count them as delivered. */
public final class RabbitDeliveryException extends PublishException {

    public RabbitDeliveryException(String message) {
        super(message, null);
    }

    public RabbitDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
