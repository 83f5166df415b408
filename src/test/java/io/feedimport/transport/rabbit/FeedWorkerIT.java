package io.feedimport.transport.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.feedimport.consume.Outcome;
import io.feedimport.consume.RecordConsumer;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The delivery layer against the real broker, with consumers that are plain functions: every outcome settles the
 * message the way the feed's delivery settings say, and nothing is dropped on the way.
 */
class FeedWorkerIT {

    @TempDir
    Path dir;

    FeedDefinition feed;
    FeedTopology topology;
    CachingConnectionFactory connections;
    final List<String> parked = Collections.synchronizedList(new ArrayList<>());
    final ParkingLot parkingLot = (message, reason, attempts) -> parked.add(message.recordNumber() + "|" + attempts + "|" + reason);
    FeedWorker worker;

    @BeforeEach
    void defineFeed() throws Exception {
        String name = "worker_it_" + Long.toString(System.nanoTime(), 36);
        Path yaml = dir.resolve("feed.yml");
        Files.writeString(yaml, """
                name: %s
                format: { type: xml, record: /feed/offer }
                fields:
                  id: { path: "@id", type: string }
                  updatedAt: { path: updated, type: datetime }
                target: { key: [id], version: updatedAt }
                delivery: { consumers: 2, prefetch: 100, maxRetries: 2, backoff: 100ms, backoffMax: 150ms }
                """.formatted(name));
        feed = new FeedDefinitionLoader().load(yaml);
        topology = FeedTopology.of(feed);
        connections = new CachingConnectionFactory(Broker.connections());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (worker != null) {
            worker.close();
        }
        connections.destroy();
        Broker.forget(topology);
    }

    @Test
    void acknowledgedAndRejectedRecordsLeaveTheQueueForGood() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        start(batch -> batch.stream().map(message -> {
            handled.incrementAndGet();
            return message.recordNumber() % 2 == 0 ? Outcome.ack() : Outcome.reject("price does not fit the column");
        }).toList());

        publish(1_000);
        await(() -> handled.get() >= 1_000);
        worker.close();
        worker = null;

        assertThat(handled).hasValue(1_000);
        assertThat(Broker.ready(topology.queue())).isZero();
        assertThat(Broker.ready(topology.parkedQueue())).isZero();
        assertThat(parked).isEmpty();
    }

    @Test
    void aRecordThatKeepsFailingGoesThroughTheRetryQueuesThenIsParkedWithReasonExceptionAndAttempts() throws Exception {
        List<Long> attemptsAt = Collections.synchronizedList(new ArrayList<>());
        start(batch -> batch.stream().map(message -> {
            attemptsAt.add(System.nanoTime());
            return Outcome.retry("PSQLException: canceling statement due to lock timeout");
        }).toList());

        publish(1);
        await(() -> !parked.isEmpty() && readyOrZero(topology.parkedQueue()) == 1);

        assertThat(attemptsAt).hasSize(3);
        assertThat(Duration.ofNanos(attemptsAt.get(1) - attemptsAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(parked).containsExactly("1|3|gave up after 3 attempts: PSQLException: canceling statement due to lock timeout");
        try (Connection connection = Broker.connections().newConnection(); Channel channel = connection.createChannel()) {
            GetResponse message = channel.basicGet(topology.parkedQueue(), true);
            Map<String, Object> headers = message.getProps().getHeaders();
            assertThat(headers.get(RecordEnvelope.REASON).toString()).startsWith("gave up after 3 attempts: PSQLException");
            assertThat(headers.get(RecordEnvelope.EXCEPTION).toString()).isEqualTo("PSQLException");
            assertThat(headers.get(RecordEnvelope.ATTEMPT)).isEqualTo(3);
            assertThat(headers.get(RecordEnvelope.KEY).toString()).isEqualTo("K1");
            assertThat(headers.get(RecordEnvelope.VERSION).toString()).isEqualTo("2026-11-22T01:00:00Z");
            assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
        }
        assertThat(Broker.ready(topology.queue())).isZero();
    }

    @Test
    void aRecordThatPassesOnRetryIsNotParked() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(batch -> batch.stream().map(message -> calls.incrementAndGet() == 1
                ? Outcome.retry("SQLTransientConnectionException: connection refused") : Outcome.ack()).toList());

        publish(1);
        await(() -> calls.get() >= 2);
        Thread.sleep(300);

        assertThat(calls).hasValue(2);
        assertThat(parked).isEmpty();
        assertThat(Broker.ready(topology.parkedQueue())).isZero();
    }

    @Test
    void aConsumerThatThrowsHasItsBatchRequeuedWithoutSpendingAttempts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        start(batch -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("database is down");
            }
            batch.forEach(message -> done.add(message.recordNumber()));
            return batch.stream().map(message -> Outcome.ack()).toList();
        });

        publish(10);
        await(() -> done.size() >= 10);

        assertThat(done).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(parked).isEmpty();
        assertThat(Broker.ready(topology.parkedQueue())).isZero();
    }

    @Test
    void aMessageThatIsNotARecordIsParkedNotDropped() throws Exception {
        start(batch -> batch.stream().map(message -> Outcome.ack()).toList());
        try (Connection connection = Broker.connections().newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish(topology.exchange(), topology.routingKey(),
                    new com.rabbitmq.client.AMQP.BasicProperties.Builder().messageId("stray").build(), "hello".getBytes());
        }

        await(() -> readyOrZero(topology.parkedQueue()) == 1);

        assertThat(Broker.ready(topology.queue())).isZero();
    }

    private void start(RecordConsumer consumer) throws Exception {
        Broker.forget(topology);
        worker = new FeedWorker(feed, connections, Broker.connections(), consumer, parkingLot);
        worker.start();
    }

    private void publish(int count) {
        try (RecordPublisher publisher = new RabbitPublisherFactory(Broker.connections(), 1000, Duration.ofSeconds(30)).open(feed)) {
            publisher.publish(LongStream.rangeClosed(1, count).mapToObj(n -> new RecordMessage(1, feed.name(), n, (int) n * 3,
                    "K" + n, Map.of("id", "K" + n, "updatedAt", "2026-11-22T01:00:00Z"))).toList());
        }
    }

    private static long readyOrZero(String queue) {
        try {
            return Broker.ready(queue);
        } catch (Exception e) {
            return 0;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
