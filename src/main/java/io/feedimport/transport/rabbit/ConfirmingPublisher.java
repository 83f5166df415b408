package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a list of messages and returns only when the broker confirmed every one of them as routed to a queue:
 * publisher confirms with a bounded number in flight, and mandatory routing so an unroutable message comes back
 * instead of being confirmed into nowhere. A negative confirm, a return or a lost connection sends the affected
 * messages again, on a new connection when needed, until a deadline; past it the caller gets an exception and
 * nothing is assumed delivered. A message may therefore arrive twice, never zero times: consumers are idempotent.
 *
 * <p>One instance, one connection of its own (a publisher blocked by a broker alarm must not block consumers),
 * used by one thread at a time.
 */
public final class ConfirmingPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfirmingPublisher.class);

    /** One message to send: where, how and what. */
    public record Outgoing(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    }

    private final ConnectionFactory factory;
    private final String name;
    private final int maxInFlight;
    private final Duration deadline;
    private final Consumer<Channel> onNewChannel;
    private Connection connection;
    private Channel channel;
    private volatile Batch current;

    /**
     * @param maxInFlight  unconfirmed messages allowed at once
     * @param deadline     how long one {@link #send} may take, outages included, before it fails
     * @param onNewChannel run on every new channel before sending (declaring the topology)
     */
    public ConfirmingPublisher(ConnectionFactory factory, String name, int maxInFlight, Duration deadline,
                               Consumer<Channel> onNewChannel) {
        this.factory = factory;
        this.name = name;
        this.maxInFlight = maxInFlight;
        this.deadline = deadline;
        this.onNewChannel = onNewChannel;
    }

    /** The state of one {@link #send}: which messages are confirmed; every other one goes again. */
    private static final class Batch {
        final List<Outgoing> messages;
        final ConcurrentNavigableMap<Long, Integer> unconfirmed = new ConcurrentSkipListMap<>();
        final BitSet confirmed = new BitSet();
        final BitSet returned = new BitSet();
        String lastFailure;

        Batch(List<Outgoing> messages) {
            this.messages = messages;
        }
    }

    public void send(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Batch batch = new Batch(messages);
        current = batch;
        long until = System.nanoTime() + deadline.toNanos();
        int returns = 0;
        try {
            while (true) {
                List<Integer> toSend = new ArrayList<>();
                synchronized (batch) {
                    for (int i = 0; i < messages.size(); i++) {
                        if (!batch.confirmed.get(i)) {
                            toSend.add(i);
                        }
                    }
                    if (!batch.returned.isEmpty()) {
                        returns++;
                        batch.returned.clear();
                    }
                }
                if (toSend.isEmpty()) {
                    return;
                }
                if (returns > 1) {
                    // declared the topology on a fresh channel and it still comes back: nothing routes these messages
                    throw new RabbitDeliveryException("broker returned messages of " + name + " as unroutable: "
                            + batch.lastFailure);
                }
                if (returns == 1) {
                    closeQuietly();
                }
                try {
                    Channel open = channel(until);
                    for (int i : toSend) {
                        waitForRoom(batch, until);
                        Outgoing message = messages.get(i);
                        synchronized (batch) {
                            batch.unconfirmed.put(open.getNextPublishSeqNo(), i);
                        }
                        open.basicPublish(message.exchange(), message.routingKey(), true, message.properties(), message.body());
                    }
                    waitForConfirms(batch, open, until);
                } catch (IOException | ShutdownSignalException e) {
                    batch.lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    log.warn("{}: publishing interrupted ({}); sending unconfirmed messages again", name, batch.lastFailure);
                    closeQuietly();
                    pause(until, batch);
                }
                synchronized (batch) {
                    batch.unconfirmed.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RabbitDeliveryException(name + ": interrupted while waiting for publisher confirms", e);
        } finally {
            current = null;
        }
    }

    private void waitForRoom(Batch batch, long until) throws InterruptedException {
        synchronized (batch) {
            while (batch.unconfirmed.size() >= maxInFlight) {
                checkDeadline(until, batch);
                batch.wait(100);
                if (channel == null || !channel.isOpen()) {
                    throw new com.rabbitmq.client.AlreadyClosedException(new ShutdownSignalException(false, false, null, channel));
                }
            }
        }
    }

    private void waitForConfirms(Batch batch, Channel open, long until) throws InterruptedException {
        synchronized (batch) {
            while (!batch.unconfirmed.isEmpty()) {
                checkDeadline(until, batch);
                if (!open.isOpen()) {
                    throw new com.rabbitmq.client.AlreadyClosedException(open.getCloseReason());
                }
                batch.wait(100);
            }
        }
    }

    private void checkDeadline(long until, Batch batch) {
        if (System.nanoTime() > until) {
            throw new RabbitDeliveryException(name + ": messages not confirmed by the broker within " + deadline.toSeconds()
                    + "s" + (batch.lastFailure == null ? "" : " (last failure: " + batch.lastFailure + ")"));
        }
    }

    private void pause(long until, Batch batch) throws InterruptedException {
        checkDeadline(until, batch);
        Thread.sleep(1000);
    }

    private Channel channel(long until) throws IOException, InterruptedException {
        while (channel == null || !channel.isOpen()) {
            try {
                closeQuietly();
                connection = factory.newConnection(name);
                Channel fresh = connection.createChannel();
                fresh.confirmSelect();
                fresh.addConfirmListener(this::acked, this::nacked);
                fresh.addReturnListener(returned -> returned(returned.getProperties(), returned.getReplyText()));
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
                closeQuietly();
                throw e;
            } catch (com.rabbitmq.client.AuthenticationFailureException e) {
                // wrong credentials do not heal by waiting; the message names the user, never the password
                closeQuietly();
                throw new RabbitDeliveryException(name + ": the broker refused the login: " + e.getMessage(), e);
            } catch (IOException | TimeoutException | RuntimeException e) {
                Batch batch = current;
                if (batch != null) {
                    batch.lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                log.warn("{}: cannot reach the broker ({}); trying again", name, e.getMessage());
                closeQuietly();
                if (System.nanoTime() > until) {
                    throw new RabbitDeliveryException(name + ": broker unreachable for " + deadline.toSeconds() + "s: "
                            + e.getMessage(), e);
                }
                Thread.sleep(1000);
            }
        }
        return channel;
    }

    private void acked(long sequence, boolean multiple) {
        settle(sequence, multiple, true);
    }

    private void nacked(long sequence, boolean multiple) {
        settle(sequence, multiple, false);
    }

    private void settle(long sequence, boolean multiple, boolean ack) {
        Batch batch = current;
        if (batch == null) {
            return;
        }
        synchronized (batch) {
            ConcurrentNavigableMap<Long, Integer> settled = multiple
                    ? batch.unconfirmed.headMap(sequence, true) : batch.unconfirmed.subMap(sequence, true, sequence, true);
            for (int index : settled.values()) {
                // the return of a message comes before its confirm: a returned message is not delivered
                if (ack && !batch.returned.get(index)) {
                    batch.confirmed.set(index);
                } else if (!ack) {
                    batch.lastFailure = "negative confirm from the broker";
                }
            }
            settled.clear();
            batch.notifyAll();
        }
    }

    private void returned(AMQP.BasicProperties properties, String replyText) {
        Batch batch = current;
        if (batch == null) {
            return;
        }
        synchronized (batch) {
            for (int i = 0; i < batch.messages.size(); i++) {
                if (batch.messages.get(i).properties() == properties
                        || java.util.Objects.equals(batch.messages.get(i).properties().getMessageId(), properties.getMessageId())) {
                    batch.returned.set(i);
                    batch.lastFailure = "returned " + replyText + " (message " + properties.getMessageId() + ")";
                    return;
                }
            }
        }
    }

    private void closeQuietly() {
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
