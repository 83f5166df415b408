package io.feedimport.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.feedimport.consume.Outcome;
import io.feedimport.consume.RecordConsumer;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublishException;
import io.feedimport.publish.RecordMessage;
import org.junit.jupiter.api.Test;

class InProcessTransportTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5),
            RetryPolicy.OnConsumerFailure.RETRY_THEN_FAIL);

    private final List<String> parked = Collections.synchronizedList(new ArrayList<>());
    private final ParkingLot parkingLot = (message, reason, attempts) -> parked.add(message.recordNumber() + ":" + attempts + ":" + reason);

    @Test
    void publishReturnsOnlyWhenEveryMessageWasHandled() {
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        try (InProcessTransport transport = transport(each(message -> {
            handled.add(message.recordNumber());
            return Outcome.ack();
        }))) {
            transport.publish(messages(1, 100));
        }
        assertThat(handled).hasSize(100).doesNotHaveDuplicates();
        assertThat(parked).isEmpty();
    }

    @Test
    void aFailureThatPassesIsRetriedUntilItDoes() {
        Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
        AtomicInteger batches = new AtomicInteger();
        try (InProcessTransport transport = new InProcessTransport(batch -> {
            if (batches.incrementAndGet() == 1) {
                throw new IllegalStateException("connection reset");
            }
            return batch.stream().map(message -> {
                int attempt = attempts.computeIfAbsent(message.recordNumber(), n -> new AtomicInteger()).incrementAndGet();
                return attempt < 2 && message.recordNumber() % 2 == 0 ? Outcome.retry("locked") : Outcome.ack();
            }).toList();
        }, parkingLot, FAST, 1)) {
            transport.publish(messages(1, 6));
        }
        assertThat(attempts).allSatisfy((record, count) -> assertThat(count.get()).isEqualTo(record % 2 == 0 ? 2 : 1));
        assertThat(parked).isEmpty();
    }

    @Test
    void aRejectedMessageIsNeitherRetriedNorParked() {
        AtomicInteger calls = new AtomicInteger();
        try (InProcessTransport transport = transport(each(message -> {
            calls.incrementAndGet();
            return Outcome.reject("price does not fit the column");
        }))) {
            transport.publish(messages(7, 7));
        }
        assertThat(calls).hasValue(1);
        assertThat(parked).isEmpty();
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAfterItsLastAttemptNotDropped() {
        try (InProcessTransport transport = transport(each(message -> Outcome.retry("database locked")))) {
            transport.publish(messages(1, 2));
        }
        assertThat(parked).containsExactlyInAnyOrder("1:3:gave up after 3 attempts: database locked",
                "2:3:gave up after 3 attempts: database locked");
    }

    @Test
    void messagesOfTheSameEntityAreHandledInPublishOrder() {
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        try (InProcessTransport transport = new InProcessTransport(each(message -> {
            seen.computeIfAbsent(message.key(), k -> Collections.synchronizedList(new ArrayList<>())).add(message.recordNumber());
            return Outcome.ack();
        }), parkingLot, FAST, 4)) {
            List<RecordMessage> messages = LongStream.rangeClosed(1, 400)
                    .mapToObj(n -> new RecordMessage(1, "t", n, 1, "K" + (n % 10), Map.of())).toList();
            transport.publish(messages);
        }
        assertThat(seen).hasSize(10);
        seen.values().forEach(order -> assertThat(order).isSorted());
    }

    @Test
    void aConsumerThatKeepsThrowingFailsThePublishInsteadOfParkingEveryRecord() {
        AtomicInteger calls = new AtomicInteger();
        try (InProcessTransport transport = transport(batch -> {
            calls.incrementAndGet();
            throw new IllegalStateException("table offer does not exist");
        })) {
            assertThatThrownBy(() -> transport.publish(messages(1, 1)))
                    .isInstanceOf(PublishException.class)
                    .hasMessage("records of run 1 were neither handled nor parked: table offer does not exist");
        }
        assertThat(calls).hasValue(3);
        assertThat(parked).isEmpty();
    }

    @Test
    void aFailureToParkFailsThePublishSoTheChunkIsNotCommitted() {
        ParkingLot broken = (message, reason, attempts) -> {
            throw new IllegalStateException("database is down");
        };
        try (InProcessTransport transport = new InProcessTransport(each(message -> Outcome.retry("bad")), broken, FAST, 2)) {
            assertThatThrownBy(() -> transport.publish(messages(1, 3)))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("were neither handled nor parked: database is down");
        }
    }

    private static RecordConsumer each(java.util.function.Function<RecordMessage, Outcome> handler) {
        return batch -> batch.stream().map(handler).toList();
    }

    private InProcessTransport transport(RecordConsumer consumer) {
        return new InProcessTransport(consumer, parkingLot, FAST, 2);
    }

    private static List<RecordMessage> messages(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(n -> new RecordMessage(1, "t", n, 1, "K" + n, Map.of())).toList();
    }
}
