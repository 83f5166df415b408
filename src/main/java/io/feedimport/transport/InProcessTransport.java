package io.feedimport.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.feedimport.consume.Decision;
import io.feedimport.consume.Outcome;
import io.feedimport.consume.RecordConsumer;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublishException;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.support.DaemonThreads;
import io.feedimport.support.Messages;

/**
 * The embedded transport: messages go straight to consumer threads in this JVM. A message is confirmed once its
 * consumer acknowledged or rejected it, or it was parked after its retries, so the publisher's wait is the broker's
 * confirm. Messages are routed by record key to one of several single-threaded lanes, each handling its share of a
 * chunk as one batch, so two versions of the same entity are applied in file order, as a per-entity ordered broker
 * would. Records in the lanes and records waiting out a backoff are counted for the queue-depth gauges.
 */
public final class InProcessTransport implements RecordPublisher, AutoCloseable {

    private final RecordConsumer consumer;
    private final ParkingLot parkingLot;
    private final RetryPolicy retryPolicy;
    private final ExecutorService[] lanes;
    private final FeedMeters meters;
    private final InProcessQueueDepths.Waiting waiting;

    public InProcessTransport(RecordConsumer consumer, ParkingLot parkingLot, RetryPolicy retryPolicy, int concurrency) {
        this(consumer, parkingLot, retryPolicy, concurrency, FeedMetrics.none().feed("-"), new InProcessQueueDepths.Waiting());
    }

    InProcessTransport(RecordConsumer consumer, ParkingLot parkingLot, RetryPolicy retryPolicy, int concurrency,
                       FeedMeters meters, InProcessQueueDepths.Waiting waiting) {
        this.consumer = consumer;
        this.parkingLot = parkingLot;
        this.retryPolicy = retryPolicy;
        this.meters = meters;
        this.waiting = waiting;
        this.lanes = new ExecutorService[concurrency];
        for (int i = 0; i < concurrency; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(DaemonThreads.named("feedimport-consumer-" + i));
        }
    }

    @Override
    public void publish(List<RecordMessage> messages) {
        List<List<RecordMessage>> shares = new ArrayList<>(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            shares.add(new ArrayList<>());
        }
        for (RecordMessage message : messages) {
            shares.get(lane(message)).add(message);
        }
        List<Future<?>> confirms = new ArrayList<>(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            List<RecordMessage> share = shares.get(i);
            if (!share.isEmpty()) {
                confirms.add(lanes[i].submit(() -> {
                    deliver(share);
                    return null;
                }));
            }
        }
        for (Future<?> confirm : confirms) {
            try {
                confirm.get();
            } catch (ExecutionException e) {
                throw new PublishException("records of run " + messages.get(0).runId() + " were neither handled nor parked: "
                        + Messages.firstLine(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while waiting for consumers", e);
            }
        }
    }

    private int lane(RecordMessage message) {
        String key = message.key() == null ? message.messageId() : message.key();
        return Math.floorMod(key.hashCode(), lanes.length);
    }

    /**
     * The retry policy decides, per record, what each outcome means; this transport carries it out in the lane: a
     * retry sleeps out its delay there (a broker would hold the message in a delay queue), a record out of attempts
     * goes to the parking lot. A consumer that throws is retried too, but when it keeps throwing the failure is not
     * the records': the publish fails, the chunk is not committed, and the records stay unread for the resumed run
     * instead of being parked with every other one.
     */
    private void deliver(List<RecordMessage> batch) throws InterruptedException {
        List<RecordMessage> pending = batch;
        boolean backingOff = false;
        waiting.arrived(pending.size());
        try {
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<Outcome> outcomes;
                try {
                    outcomes = consumer.consume(pending);
                } catch (RuntimeException e) {
                    Decision decision = retryPolicy.decide(attempt, e);
                    if (decision.kind() != Decision.Kind.RETRY) {
                        throw e;
                    }
                    Thread.sleep(decision.delay().toMillis());
                    continue;
                }
                List<RecordMessage> retries = new ArrayList<>();
                Duration delay = Duration.ZERO;
                for (int i = 0; i < pending.size(); i++) {
                    Decision decision = retryPolicy.decide(attempt, outcomes.get(i));
                    if (decision.kind() == Decision.Kind.RETRY) {
                        retries.add(pending.get(i));
                        delay = decision.delay();
                    } else if (decision.kind() == Decision.Kind.PARK) {
                        parkingLot.park(pending.get(i), decision.reason(), attempt);
                    }
                }
                waiting.left(pending.size() - retries.size());
                pending = retries;
                if (!retries.isEmpty()) {
                    meters.retried(retries.size());
                    waiting.backingOff(retries.size());
                    backingOff = true;
                    Thread.sleep(delay.toMillis());
                    waiting.due(retries.size());
                    backingOff = false;
                }
            }
        } finally {
            // a consumer that kept throwing, or an interrupted backoff: the records leave the lanes with this call
            if (backingOff) {
                waiting.leftWhileBackingOff(pending.size());
            } else {
                waiting.left(pending.size());
            }
        }
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
