package io.feedimport.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.feedimport.consume.Outcome;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublishException;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.consume.RecordConsumer;
import io.feedimport.consume.RetryPolicy;

import io.feedimport.support.Messages;

/**
 * The embedded transport: messages go straight to consumer threads in this JVM. A message is confirmed once its
 * consumer acknowledged it or it was parked after its retries, so the publisher's wait is the broker's confirm.
 * Messages are routed by record key to one of several single-threaded lanes, so two versions of the same entity
 * are applied in file order, as a per-entity ordered broker would.
 */
public final class InProcessTransport implements RecordPublisher, AutoCloseable {

    private final RecordConsumer consumer;
    private final ParkingLot parkingLot;
    private final RetryPolicy retryPolicy;
    private final ExecutorService[] lanes;

    public InProcessTransport(RecordConsumer consumer, ParkingLot parkingLot, RetryPolicy retryPolicy, int concurrency) {
        this.consumer = consumer;
        this.parkingLot = parkingLot;
        this.retryPolicy = retryPolicy;
        this.lanes = new ExecutorService[concurrency];
        for (int i = 0; i < concurrency; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "feedimport-consumer-" + lane);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Override
    public void publish(List<RecordMessage> messages) {
        List<Future<?>> confirms = new ArrayList<>(messages.size());
        for (RecordMessage message : messages) {
            confirms.add(lanes[lane(message)].submit(() -> {
                deliver(message);
                return null;
            }));
        }
        for (int i = 0; i < confirms.size(); i++) {
            try {
                confirms.get(i).get();
            } catch (ExecutionException e) {
                throw new PublishException("record " + messages.get(i).recordNumber() + " of run " + messages.get(i).runId()
                        + " was neither handled nor parked: " + Messages.firstLine(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while waiting for record " + messages.get(i).recordNumber(), e);
            }
        }
    }

    private int lane(RecordMessage message) {
        String key = message.key() == null ? message.messageId() : message.key();
        return Math.floorMod(key.hashCode(), lanes.length);
    }

    /**
     * A RETRY outcome that never passes ends parked, as a broker's retry queue would. A consumer that throws is
     * retried too, but when it keeps throwing the failure is not the record's: the publish fails, the chunk is not
     * committed, and the record stays unread for the resumed run instead of being parked with every other one.
     */
    private void deliver(RecordMessage message) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome;
            try {
                outcome = consumer.consume(message);
            } catch (RuntimeException e) {
                if (attempt >= retryPolicy.maxAttempts()) {
                    throw e;
                }
                Thread.sleep(retryPolicy.backoffBefore(attempt + 1).toMillis());
                continue;
            }
            switch (outcome.kind()) {
                case ACK -> {
                    return;
                }
                case PARK -> {
                    parkingLot.park(message, outcome.reason(), attempt);
                    return;
                }
                case RETRY -> {
                    if (attempt >= retryPolicy.maxAttempts()) {
                        parkingLot.park(message, "gave up after " + attempt + " attempts: " + outcome.reason(), attempt);
                        return;
                    }
                    Thread.sleep(retryPolicy.backoffBefore(attempt + 1).toMillis());
                }
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
