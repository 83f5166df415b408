package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
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
 * <p>The confirms of a send are kept by {@link Confirms}, the connection by {@link PublisherChannel}. One instance,
 * one connection of its own, used by one thread at a time.
 */
public final class ConfirmingPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfirmingPublisher.class);

    /** One message to send: where, how and what. */
    public record Outgoing(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    }

    private final String name;
    private final int maxInFlight;
    private final Duration deadline;
    private final PublisherChannel channels;
    private volatile Confirms current;

    /**
     * @param maxInFlight  unconfirmed messages allowed at once
     * @param deadline     how long one {@link #send} may take, outages included, before it fails
     * @param onNewChannel run on every new channel before sending (declaring the topology)
     */
    public ConfirmingPublisher(ConnectionFactory factory, String name, int maxInFlight, Duration deadline,
                               Consumer<Channel> onNewChannel) {
        this.name = name;
        this.maxInFlight = maxInFlight;
        this.deadline = deadline;
        this.channels = new PublisherChannel(factory, name, this::listen, onNewChannel);
    }

    /** The broker's confirms and returns go to the send under way; those of an earlier, abandoned one are dropped. */
    private void listen(Channel channel) {
        channel.addConfirmListener((sequence, multiple) -> settle(sequence, multiple, true),
                (sequence, multiple) -> settle(sequence, multiple, false));
        channel.addReturnListener(returned -> {
            Confirms confirms = current;
            if (confirms != null) {
                confirms.returned(returned.getProperties(), returned.getReplyText());
            }
        });
    }

    private void settle(long sequence, boolean multiple, boolean ack) {
        Confirms confirms = current;
        if (confirms != null) {
            confirms.settle(sequence, multiple, ack);
        }
    }

    public void send(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Confirms confirms = new Confirms(messages);
        current = confirms;
        SendDeadline until = SendDeadline.from(name, deadline);
        int returns = 0;
        try {
            while (true) {
                Confirms.Round round = confirms.nextRound();
                if (round.returned()) {
                    returns++;
                }
                if (round.toSend().isEmpty()) {
                    return;
                }
                if (returns > 1) {
                    // declared the topology on a fresh channel and it still comes back: nothing routes these messages
                    throw new RabbitDeliveryException("broker returned messages of " + name + " as unroutable: "
                            + confirms.lastFailure());
                }
                if (returns == 1) {
                    channels.abort();
                }
                try {
                    Channel open = channels.open(until, confirms::failed);
                    for (int i : round.toSend()) {
                        confirms.waitForRoom(maxInFlight, until, channels);
                        Outgoing message = messages.get(i);
                        confirms.sending(open.getNextPublishSeqNo(), i);
                        open.basicPublish(message.exchange(), message.routingKey(), true, message.properties(), message.body());
                    }
                    confirms.waitForConfirms(open, until);
                } catch (IOException | ShutdownSignalException e) {
                    confirms.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                    log.warn("{}: publishing interrupted ({}); sending unconfirmed messages again", name, confirms.lastFailure());
                    channels.abort();
                    until.check(confirms.lastFailure());
                    Thread.sleep(1000);
                }
                confirms.roundEnded();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RabbitDeliveryException(name + ": interrupted while waiting for publisher confirms", e);
        } finally {
            current = null;
        }
    }

    @Override
    public void close() {
        channels.close();
    }
}
