package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.feed.DeliveryDefinition;
import io.feedimport.feed.FeedDefinition;

/**
 * The exchanges and queues of one feed, declared by whoever touches them first (importer, worker, replay), with the
 * same arguments each time so declaring is idempotent:
 * <ul>
 * <li>{@code fi.FEED}: direct exchange and main queue of the records;</li>
 * <li>{@code fi.FEED.retry}: direct exchange routing to one queue per backoff delay ({@code fi.FEED.retry.30000ms}),
 * whose messages expire after that delay and are dead-lettered back to the main exchange; a fixed TTL per queue,
 * because a per-message TTL only expires at the head of a queue;</li>
 * <li>{@code fi.FEED.parked}: fanout exchange and queue of the records that failed every attempt.</li>
 * </ul>
 * Retry queues are quorum queues with at-least-once dead-lettering whatever the feed's queue type, since classic
 * dead-lettering may lose the message it moves; the main queue dead-letters to the parking exchange, so a message
 * the broker itself gives up on (a quorum delivery limit) is parked rather than dropped.
 */
public record FeedTopology(String feed, DeliveryDefinition delivery) {

    /** High enough never to bite in normal operation; set because RabbitMQ 4 would otherwise apply 20 and drop. */
    static final int DELIVERY_LIMIT = 1000;

    public static FeedTopology of(FeedDefinition feed) {
        return new FeedTopology(feed.name(), feed.delivery());
    }

    public String exchange() {
        return "fi." + feed;
    }

    public String queue() {
        return "fi." + feed;
    }

    public String routingKey() {
        return feed;
    }

    public String retryExchange() {
        return "fi." + feed + ".retry";
    }

    public String parkedExchange() {
        return "fi." + feed + ".parked";
    }

    public String parkedQueue() {
        return "fi." + feed + ".parked";
    }

    /** The routing key (and queue suffix) of a retry after {@code delay}. */
    public String retryRoute(Duration delay) {
        return delay.toMillis() + "ms";
    }

    /** One per delay the feed's retry policy can choose: the retry queues to declare. */
    public List<String> retryRoutes() {
        RetryPolicy policy = RetryPolicy.of(delivery);
        return IntStream.rangeClosed(1, Math.max(1, delivery.maxRetries()))
                .mapToObj(attempt -> retryRoute(policy.delayAfter(attempt))).distinct().toList();
    }

    /** Declares the topology on each new channel of a {@link ConfirmingPublisher}, with the broker's reason on refusal. */
    public java.util.function.Consumer<Channel> declarer() {
        return channel -> {
            try {
                declare(channel);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot declare the queues of feed " + feed + ": "
                        + RabbitErrors.describe(e), e);
            }
        };
    }

    public void declare(Connection connection) throws IOException {
        try (Channel channel = connection.createChannel()) {
            declare(channel);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("timed out closing the channel that declared the topology of feed " + feed, e);
        }
    }

    public void declare(Channel channel) throws IOException {
        boolean quorum = delivery.queueType() == DeliveryDefinition.QueueType.QUORUM;
        channel.exchangeDeclare(exchange(), "direct", true);
        channel.exchangeDeclare(retryExchange(), "direct", true);
        channel.exchangeDeclare(parkedExchange(), "fanout", true);

        Map<String, Object> main = new HashMap<>();
        main.put("x-dead-letter-exchange", parkedExchange());
        if (quorum) {
            main.put("x-queue-type", "quorum");
            main.put("x-delivery-limit", DELIVERY_LIMIT);
            main.put("x-dead-letter-strategy", "at-least-once");
            main.put("x-overflow", "reject-publish");
        }
        channel.queueDeclare(queue(), true, false, false, main);
        channel.queueBind(queue(), exchange(), routingKey());

        Map<String, Object> parked = new HashMap<>();
        if (quorum) {
            parked.put("x-queue-type", "quorum");
        }
        channel.queueDeclare(parkedQueue(), true, false, false, parked);
        channel.queueBind(parkedQueue(), parkedExchange(), "");

        for (String route : retryRoutes()) {
            Map<String, Object> retry = new HashMap<>();
            retry.put("x-queue-type", "quorum");
            retry.put("x-message-ttl", Long.parseLong(route.substring(0, route.length() - 2)));
            retry.put("x-dead-letter-exchange", exchange());
            retry.put("x-dead-letter-routing-key", routingKey());
            retry.put("x-dead-letter-strategy", "at-least-once");
            retry.put("x-overflow", "reject-publish");
            String queue = retryExchange() + "." + route;
            channel.queueDeclare(queue, true, false, false, retry);
            channel.queueBind(queue, retryExchange(), route);
        }
    }
}
