package io.feedimport.transport.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;

/** Turns the client's nested exceptions into the one line a user needs, such as the broker's refusal reason. */
final class RabbitErrors {

    private RabbitErrors() {
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal) {
                if (signal.getReason() instanceof AMQP.Channel.Close close) {
                    return close.getReplyText();
                }
                if (signal.getReason() instanceof AMQP.Connection.Close close) {
                    return close.getReplyText();
                }
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
