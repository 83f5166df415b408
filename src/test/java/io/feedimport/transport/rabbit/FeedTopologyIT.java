package io.feedimport.transport.rabbit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.feedimport.feed.DeliveryDefinition;
import io.feedimport.feed.DeliveryDefinition.QueueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue arguments that keep RabbitMQ from dropping messages are really set, as the broker's own equivalence
 * check shows: redeclaring with our arguments is accepted, with any other value refused, naming the current one.
 */
class FeedTopologyIT {

    private final FeedTopology quorum = new FeedTopology("topology_it_" + Long.toString(System.nanoTime(), 36),
            new DeliveryDefinition(1, 10, 2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 0,
                    QueueType.QUORUM));

    @AfterEach
    void forget() throws Exception {
        Broker.forget(quorum);
    }

    @Test
    void declaringTwiceIsHarmless() throws Exception {
        try (Connection connection = Broker.connections().newConnection()) {
            quorum.declare(connection);
            assertThatCode(() -> quorum.declare(connection)).doesNotThrowAnyException();
        }
    }

    @Test
    void theQuorumQueueHasAnExplicitDeliveryLimitAndDeadLettersToTheParkingExchange() throws Exception {
        try (Connection connection = Broker.connections().newConnection()) {
            quorum.declare(connection);
            Map<String, Object> other = new HashMap<>(Map.of("x-queue-type", "quorum", "x-delivery-limit", 5,
                    "x-dead-letter-exchange", quorum.parkedExchange(), "x-dead-letter-strategy", "at-least-once",
                    "x-overflow", "reject-publish"));
            assertThatThrownBy(() -> redeclare(connection, quorum.queue(), other))
                    .hasStackTraceContaining("inequivalent arg 'x-delivery-limit'")
                    .hasStackTraceContaining("'" + FeedTopology.DELIVERY_LIMIT + "'");
            other.put("x-delivery-limit", FeedTopology.DELIVERY_LIMIT);
            other.put("x-dead-letter-exchange", "somewhere-else");
            assertThatThrownBy(() -> redeclare(connection, quorum.queue(), other))
                    .hasStackTraceContaining("inequivalent arg 'x-dead-letter-exchange'")
                    .hasStackTraceContaining(quorum.parkedExchange());
        }
    }

    @Test
    void retryQueuesDeadLetterAtLeastOnceAfterAFixedDelayEach() throws Exception {
        try (Connection connection = Broker.connections().newConnection()) {
            quorum.declare(connection);
            for (String route : List.of("1000ms", "2000ms")) {
                Map<String, Object> atMostOnce = new HashMap<>(Map.of("x-queue-type", "quorum",
                        "x-message-ttl", Long.parseLong(route.replace("ms", "")), "x-dead-letter-exchange", quorum.exchange(),
                        "x-dead-letter-routing-key", quorum.routingKey(), "x-dead-letter-strategy", "at-most-once",
                        "x-overflow", "reject-publish"));
                assertThatThrownBy(() -> redeclare(connection, quorum.retryExchange() + "." + route, atMostOnce))
                        .hasStackTraceContaining("inequivalent arg 'x-dead-letter-strategy'")
                        .hasStackTraceContaining("at-least-once");
            }
        }
    }

    @Test
    void publishingToAFeedWhoseQueueTypeChangedFailsAtOnceWithTheBrokersReason() throws Exception {
        try (Connection connection = Broker.connections().newConnection()) {
            quorum.declare(connection);
        }
        FeedTopology classic = new FeedTopology(quorum.feed(), new DeliveryDefinition(1, 10, 2, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0, QueueType.CLASSIC));
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(Broker.connections(), "test", 10, Duration.ofMinutes(1),
                classic.declarer())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> publisher.send(List.of(new ConfirmingPublisher.Outgoing(classic.exchange(),
                    classic.routingKey(), new com.rabbitmq.client.AMQP.BasicProperties(), new byte[0]))))
                    .isInstanceOf(RabbitDeliveryException.class)
                    .hasMessageContaining("cannot prepare publishing")
                    .hasMessageContaining("PRECONDITION_FAILED - inequivalent arg");
            org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static void redeclare(Connection connection, String queue, Map<String, Object> arguments) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, arguments);
        }
    }
}
