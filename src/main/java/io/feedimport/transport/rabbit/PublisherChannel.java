package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection and confirm-mode channel of one {@link ConfirmingPublisher}, opened again after a loss until the
 * send's deadline. A connection of its own: a publisher blocked by a broker alarm must not block consumers. What
 * waiting cannot heal (wrong credentials, a refusal on a healthy connection) fails at once.
 */
final class PublisherChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublisherChannel.class);

    private final ConnectionFactory factory;
    private final String name;
    private final Consumer<Channel> listeners;
    private final Consumer<Channel> onNewChannel;
    private Connection connection;
    private Channel channel;

    /**
     * @param listeners    adds the confirm and return listeners to every new channel
     * @param onNewChannel run on every new channel before sending (declaring the topology)
     */
    PublisherChannel(ConnectionFactory factory, String name, Consumer<Channel> listeners, Consumer<Channel> onNewChannel) {
        this.factory = factory;
        this.name = name;
        this.listeners = listeners;
        this.onNewChannel = onNewChannel;
    }

    boolean isOpen() {
        return channel != null && channel.isOpen();
    }

    Channel channel() {
        return channel;
    }

    /** The open channel, or a new one once the broker answers; {@code failure} hears why each try failed. */
    Channel open(SendDeadline deadline, Consumer<String> failure) throws IOException, InterruptedException {
        while (!isOpen()) {
            try {
                abort();
                connection = factory.newConnection(name);
                Channel fresh = connection.createChannel();
                fresh.confirmSelect();
                listeners.accept(fresh);
                try {
                    onNewChannel.accept(fresh);
                } catch (RuntimeException e) {
                    if (connection.isOpen()) {
                        // the broker refused something on a healthy connection (a queue declared with other
                        // arguments, a missing permission): waiting will not change its mind
                        throw new RabbitDeliveryException(name + ": cannot prepare publishing: " + RabbitErrors.describe(e), e);
                    }
                    throw e;
                }
                channel = fresh;
            } catch (RabbitDeliveryException e) {
                abort();
                throw e;
            } catch (AuthenticationFailureException e) {
                // wrong credentials do not heal by waiting; the message names the user, never the password
                abort();
                throw new RabbitDeliveryException(name + ": the broker refused the login: " + e.getMessage(), e);
            } catch (IOException | TimeoutException | RuntimeException e) {
                failure.accept(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("{}: cannot reach the broker ({}); trying again", name, e.getMessage());
                abort();
                if (deadline.passed()) {
                    throw new RabbitDeliveryException(name + ": broker unreachable for " + deadline.deadline().toSeconds()
                            + "s: " + e.getMessage(), e);
                }
                Thread.sleep(1000);
            }
        }
        return channel;
    }

    /** Drops the connection at once: what it had in flight is sent again on the next. */
    void abort() {
        Connection closing = connection;
        connection = null;
        channel = null;
        if (closing != null) {
            try {
                closing.abort(2000);
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        Connection closing = connection;
        connection = null;
        channel = null;
        if (closing != null && closing.isOpen()) {
            try {
                closing.close(5000);
            } catch (IOException | RuntimeException e) {
                log.debug("{}: closing the connection failed: {}", name, e.getMessage());
            }
        }
    }
}
