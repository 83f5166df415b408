package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** The real RabbitMQ on 127.0.0.1:5672 that the tests talk to, and a few looks into its queues. */
final class Broker {

    private Broker() {
    }

    static ConnectionFactory connections() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    static long ready(String queue) throws IOException, TimeoutException {
        try (Connection connection = connections().newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    /** Removes every queue and exchange of a feed, so each test starts from nothing. */
    static void forget(FeedTopology topology) throws IOException, TimeoutException {
        try (Connection connection = connections().newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDelete(topology.queue());
            channel.queueDelete(topology.parkedQueue());
            for (String route : topology.retryRoutes()) {
                channel.queueDelete(topology.retryExchange() + "." + route);
            }
            channel.exchangeDelete(topology.exchange());
            channel.exchangeDelete(topology.retryExchange());
            channel.exchangeDelete(topology.parkedExchange());
        }
    }
}
