package io.feedimport.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.feedimport.consume.Outcome;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.feed.Feeds;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.QueueDepths;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublishException;
import io.feedimport.publish.RecordMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** What the queue-depth gauges of the embedded transport count while records pass through its lanes. */
class InProcessTransportDepthTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(5),
            RetryPolicy.OnConsumerFailure.RETRY_THEN_FAIL);
    private static final ParkingLot PARKING_LOT = (message, reason, attempts) -> { };

    @Test
    void recordsAreCountedInTheLanesWhileConsumedAndAsRetryWhileTheyWaitOutTheirBackoff() throws Exception {
        CountDownLatch consuming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RetryPolicy slowRetry = new RetryPolicy(3, Duration.ofMillis(300), 1.0, Duration.ofMillis(300),
                RetryPolicy.OnConsumerFailure.RETRY_THEN_FAIL);
        Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
        InProcessQueueDepths.Waiting waiting = new InProcessQueueDepths.Waiting();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (InProcessTransport transport = new InProcessTransport(batch -> {
            consuming.countDown();
            await(release);
            return batch.stream().map(message -> attempts.computeIfAbsent(message.recordNumber(), n -> new AtomicInteger())
                    .incrementAndGet() == 1 && message.recordNumber() <= 2 ? Outcome.retry("locked") : Outcome.ack()).toList();
        }, PARKING_LOT, slowRetry, 1, new FeedMetrics(registry, QueueDepths.NONE, Feeds.NONE).feed("t"),
                waiting)) {
            CompletableFuture<Void> publish =
                    CompletableFuture.runAsync(() -> transport.publish(messages(1, 5)));
            consuming.await();
            assertThat(waiting.main()).isEqualTo(5);
            assertThat(waiting.retry()).isZero();

            release.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (waiting.retry() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(waiting.retry()).isEqualTo(2);
            assertThat(waiting.main()).isZero();

            publish.get();
        }
        assertThat(waiting.main()).isZero();
        assertThat(waiting.retry()).isZero();
        assertThat(registry.get("feedimport.records.retried").tag("feed", "t").counter().count()).isEqualTo(2);
    }

    @Test
    void recordsLeaveTheLanesWhenThePublishFails() {
        InProcessQueueDepths.Waiting waiting = new InProcessQueueDepths.Waiting();
        try (InProcessTransport transport = new InProcessTransport(batch -> {
            throw new IllegalStateException("table offer does not exist");
        }, PARKING_LOT, FAST, 2, FeedMetrics.none().feed("t"), waiting)) {
            assertThatThrownBy(() -> transport.publish(messages(1, 4))).isInstanceOf(PublishException.class);
        }
        // the publish fails with the first lane that fails; the other lanes' records leave when those lanes stop
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (waiting.main() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiting.main()).isZero();
        assertThat(waiting.retry()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<RecordMessage> messages(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(n -> new RecordMessage(1, "t", n, 1, "K" + n, Map.of())).toList();
    }
}
