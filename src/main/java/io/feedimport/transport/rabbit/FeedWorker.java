package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.feedimport.consume.DatabaseUnavailableException;
import io.feedimport.consume.Decision;
import io.feedimport.consume.Outcome;
import io.feedimport.consume.RecordConsumer;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.feed.DeliveryDefinition;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.RecordMessage;
import io.feedimport.support.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

/**
 * Consumes one feed's main queue in batches and settles every message explicitly, as the feed's {@link RetryPolicy}
 * decides and {@link OutcomeRouting} carries out: records acknowledged or rejected by the consumer are acked; records
 * asking for a retry go to the retry queue of their next delay with their attempt count; records out of attempts are
 * parked (in the database for review, and in the parking queue with the reason, exception and attempt count in
 * headers). The batch is acked on the broker only after those messages are confirmed, so a crash at any point leads
 * to a redelivery, never a loss.
 *
 * <p>A consumer that throws (the database unreachable or its schema wrong) is not the records' fault: the policy
 * holds the batch, which is requeued after a pause without spending their attempts, so an outage parks nothing.
 */
public final class FeedWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedWorker.class);
    private static final int MAX_BATCH = 500;

    private final FeedDefinition feed;
    private final FeedTopology topology;
    private final RecordEnvelope envelope;
    private final RecordConsumer consumer;
    private final RetryPolicy policy;
    private final OutcomeRouting routing;
    private final ConnectionFactory connections;
    private final Map<Thread, ConfirmingPublisher> publishers = new ConcurrentHashMap<>();
    private final SimpleMessageListenerContainer container;
    private final FeedMeters meters;

    public FeedWorker(FeedDefinition feed, CachingConnectionFactory consumerConnections, ConnectionFactory connections,
                      RecordConsumer consumer, ParkingLot parkingLot) {
        this(feed, consumerConnections, connections, consumer, parkingLot, FeedMetrics.none());
    }

    public FeedWorker(FeedDefinition feed, CachingConnectionFactory consumerConnections, ConnectionFactory connections,
                      RecordConsumer consumer, ParkingLot parkingLot, FeedMetrics metrics) {
        this.feed = feed;
        this.meters = metrics.watch(feed);
        this.topology = FeedTopology.of(feed);
        this.envelope = new RecordEnvelope(feed.target().version());
        this.consumer = consumer;
        this.policy = RetryPolicy.of(feed.delivery());
        this.routing = new OutcomeRouting(topology, envelope, policy, parkingLot);
        this.connections = connections;
        DeliveryDefinition delivery = feed.delivery();
        this.container = new SimpleMessageListenerContainer(consumerConnections);
        container.setQueueNames(topology.queue());
        container.setConcurrentConsumers(delivery.consumers());
        container.setPrefetchCount(delivery.prefetch());
        container.setConsumerBatchEnabled(true);
        container.setDeBatchingEnabled(true);
        container.setBatchSize(Math.min(MAX_BATCH, delivery.prefetch()));
        container.setReceiveTimeout(200);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        // our own listener settles every message; nothing is ever rejected without requeue by the container
        container.setDefaultRequeueRejected(true);
        container.setMissingQueuesFatal(false);
        container.setRecoveryInterval(2000);
        container.setMessageListener(new ChannelAwareBatchMessageListener() {
            @Override
            public void onMessageBatch(List<Message> messages, Channel channel) {
                settle(messages, channel);
            }
        });
    }

    public void start() throws IOException {
        try (com.rabbitmq.client.Connection connection = connections.newConnection("feedimport-declare-" + feed.name())) {
            topology.declare(connection);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("timed out declaring the queues of feed " + feed.name(), e);
        }
        container.start();
    }

    public String feedName() {
        return feed.name();
    }

    /**
     * Whatever goes wrong while settling (the retry publish not confirmed in time, the channel lost), the batch is
     * requeued as a whole: its messages come back, and handling them again is harmless.
     */
    private void settle(List<Message> messages, Channel channel) {
        try {
            onBatch(messages, channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requeue(messages, channel);
        } catch (Exception e) {
            log.error("feed {}: cannot settle a batch of {} messages, requeueing it: {}", feed.name(), messages.size(),
                    Messages.firstLine(e), e);
            requeue(messages, channel);
        }
    }

    private void requeue(List<Message> messages, Channel channel) {
        try {
            channel.basicNack(messages.get(messages.size() - 1).getMessageProperties().getDeliveryTag(), true, true);
        } catch (IOException | RuntimeException e) {
            // the channel is gone, and with it our claim on the messages: the broker requeues them itself
            log.warn("feed {}: could not requeue a batch ({}); the broker redelivers it", feed.name(), e.getMessage());
        }
    }

    private void onBatch(List<Message> messages, Channel channel) throws Exception {
        long lastTag = messages.get(messages.size() - 1).getMessageProperties().getDeliveryTag();
        List<RecordMessage> records = new ArrayList<>(messages.size());
        List<Message> sources = new ArrayList<>(messages.size());
        List<ConfirmingPublisher.Outgoing> settle = new ArrayList<>();
        for (Message message : messages) {
            try {
                records.add(envelope.decode(message.getMessageProperties().getHeaders(), message.getBody()));
                sources.add(message);
            } catch (IllegalArgumentException e) {
                log.error("feed {}: parking a message that is not a record ({})", feed.name(), e.getMessage());
                settle.add(routing.notARecord(message, e));
            }
        }
        List<Outcome> outcomes;
        try {
            outcomes = records.isEmpty() ? List.of() : consumer.consume(records);
        } catch (RuntimeException e) {
            hold(messages, channel, e);
            return;
        }
        int retries = 0;
        for (int i = 0; i < records.size(); i++) {
            if (routing.route(records.get(i), sources.get(i), outcomes.get(i), settle).kind() == Decision.Kind.RETRY) {
                retries++;
            }
        }
        publishers.computeIfAbsent(Thread.currentThread(), thread -> publisher()).send(settle);
        channel.basicAck(lastTag, true);
        // counted once the retry copies are confirmed and the originals acked: a requeued batch counts nothing
        if (retries > 0) {
            meters.retried(retries);
        }
    }

    /** The batch goes back to the queue after the policy's pause, its attempts unspent: the messages wait there. */
    private void hold(List<Message> messages, Channel channel, RuntimeException e) throws InterruptedException {
        Decision decision = policy.decide(RecordEnvelope.attempt(messages.get(0).getMessageProperties().getHeaders()), e);
        if (e instanceof DatabaseUnavailableException) {
            // an outage, not a bug: one line per batch and pause, no stack trace flooding the log
            log.warn("feed {}: {}; requeueing {} messages and waiting", feed.name(), e.getMessage(), messages.size());
        } else {
            log.error("feed {}: consumer failed, requeueing {} messages: {}", feed.name(), messages.size(), Messages.firstLine(e), e);
        }
        Thread.sleep(decision.delay().toMillis());
        requeue(messages, channel);
    }

    private ConfirmingPublisher publisher() {
        return new ConfirmingPublisher(connections, "feedimport-worker-" + feed.name(), 1000,
                java.time.Duration.ofMinutes(10), topology.declarer());
    }

    @Override
    public void close() {
        container.stop();
        publishers.values().forEach(ConfirmingPublisher::close);
    }
}
