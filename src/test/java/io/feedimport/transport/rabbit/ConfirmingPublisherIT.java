package io.feedimport.transport.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real broker: a send returns only when every message is confirmed as routed, and fails otherwise. */
class ConfirmingPublisherIT {

    private final String exchange = "fi-test-" + System.nanoTime();
    private final String queue = exchange;

    @BeforeEach
    void declare() throws Exception {
        try (Connection connection = Broker.connections().newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, "direct", false, true, null);
            channel.queueDeclare(queue, false, false, false, null);
            channel.queueBind(queue, exchange, "routed");
        }
    }

    @AfterEach
    void delete() throws Exception {
        try (Connection connection = Broker.connections().newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
            channel.exchangeDelete(exchange);
        }
    }

    @Test
    void everyMessageIsInTheQueueWhenSendReturns() throws Exception {
        try (ConfirmingPublisher publisher = publisher(Broker.connections(), Duration.ofSeconds(30))) {
            publisher.send(messages("routed", 5_000));
            publisher.send(messages("routed", 3));
        }

        assertThat(Broker.ready(queue)).isEqualTo(5_003);
    }

    @Test
    void anUnroutableMessageFailsTheSendInsteadOfBeingConfirmedIntoNowhere() throws Exception {
        try (ConfirmingPublisher publisher = publisher(Broker.connections(), Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> publisher.send(messages("nobody-listens", 2)))
                    .isInstanceOf(RabbitDeliveryException.class)
                    .hasMessageContaining("unroutable")
                    .hasMessageContaining("NO_ROUTE");
        }
        assertThat(Broker.ready(queue)).isZero();
    }

    @Test
    void anUnreachableBrokerFailsTheSendAtTheDeadlineNotNever() {
        ConnectionFactory nowhere = Broker.connections();
        nowhere.setPort(1);
        long start = System.nanoTime();
        try (ConfirmingPublisher publisher = publisher(nowhere, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> publisher.send(messages("routed", 1)))
                    .isInstanceOf(RabbitDeliveryException.class)
                    .hasMessageContaining("broker unreachable for 2s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aChannelErrorWhilePreparingIsReportedWithTheBrokersReason() {
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(Broker.connections(), "test", 100, Duration.ofSeconds(2),
                channel -> {
                    try {
                        channel.queueDeclarePassive("fi-no-such-queue-" + System.nanoTime());
                    } catch (IOException e) {
                        throw new UncheckedIOException(RabbitErrors.describe(e), e);
                    }
                })) {
            assertThatThrownBy(() -> publisher.send(messages("routed", 1)))
                    .isInstanceOf(RabbitDeliveryException.class)
                    .hasMessageContaining("NOT_FOUND");
        }
    }

    private ConfirmingPublisher publisher(ConnectionFactory factory, Duration deadline) {
        return new ConfirmingPublisher(factory, "test", 1000, deadline, channel -> { });
    }

    private List<ConfirmingPublisher.Outgoing> messages(String routingKey, int count) {
        return IntStream.range(0, count).mapToObj(i -> new ConfirmingPublisher.Outgoing(exchange, routingKey,
                new AMQP.BasicProperties.Builder().messageId(routingKey + "-" + i).deliveryMode(2).build(),
                ("message " + i).getBytes(StandardCharsets.UTF_8))).toList();
    }
}
