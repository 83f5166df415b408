package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.publish.ParkedQueue;

/**
 * Removes replayed messages from a feed's parking queue: every message present is fetched unacknowledged, the
 * replayed ones are acked, and closing the channel puts the others back in their order. Nothing else is touched.
 */
public final class RabbitParkedQueue implements ParkedQueue {

    private final ConnectionFactory connections;

    public RabbitParkedQueue(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public int discard(FeedDefinition feed, Set<String> messageIds) {
        FeedTopology topology = FeedTopology.of(feed);
        int discarded = 0;
        try (Connection connection = connections.newConnection("feedimport-replay-" + feed.name());
             Channel channel = connection.createChannel()) {
            topology.declare(channel);
            long present = channel.queueDeclarePassive(topology.parkedQueue()).getMessageCount();
            for (long i = 0; i < present; i++) {
                GetResponse message = channel.basicGet(topology.parkedQueue(), false);
                if (message == null) {
                    break;
                }
                if (messageIds.contains(message.getProps().getMessageId())) {
                    channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                    discarded++;
                }
            }
        } catch (IOException | TimeoutException e) {
            throw new UncheckedIOException("cannot clean the parking queue of feed " + feed.name() + ": "
                    + RabbitErrors.describe(e), e instanceof IOException io ? io : new IOException(e));
        }
        return discarded;
    }
}
