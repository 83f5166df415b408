package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.consume.EntityConsumers;
import io.feedimport.consume.RateLimits;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkingLot;
import io.feedimport.support.LifecyclePhases;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The workers of one process: one {@link FeedWorker} per feed, started together and stopped together. A lifecycle
 * bean of the {@code worker} and {@code daemon --workers} contexts, in {@link LifecyclePhases#WORKERS}.
 */
public final class WorkerPool implements SmartLifecycle {

    /** The switch that makes a process consume: the names of the feeds whose queues it consumes, comma-separated. */
    public static final String FEEDS = "feedimport.workers.feeds";

    private final CachingConnectionFactory connections;
    private final EntityConsumers consumers;
    private final ParkingLot parkingLot;
    private final FeedMetrics metrics;
    private final RateLimits rateLimits;
    private final List<FeedDefinition> feeds;
    private final List<FeedWorker> workers = new ArrayList<>();

    public WorkerPool(CachingConnectionFactory connections, EntityConsumers consumers, ParkingLot parkingLot,
                      FeedMetrics metrics, RateLimits rateLimits, List<FeedDefinition> feeds) {
        this.connections = connections;
        this.consumers = consumers;
        this.parkingLot = parkingLot;
        this.metrics = metrics;
        this.rateLimits = rateLimits;
        this.feeds = List.copyOf(feeds);
    }

    /** Declares each feed's queues and starts consuming them; a broker that refuses stops the process from starting. */
    @Override
    public synchronized void start() {
        if (!workers.isEmpty()) {
            return;
        }
        try {
            for (FeedDefinition feed : feeds) {
                FeedWorker worker = new FeedWorker(feed, connections, connections.getRabbitConnectionFactory(),
                        rateLimits.limit(feed, consumers.forFeed(feed)), parkingLot, metrics);
                workers.add(worker);
                worker.start();
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start the workers: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop(); // the workers already consuming would keep the process half started
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        workers.forEach(FeedWorker::close);
        workers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !workers.isEmpty();
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.WORKERS;
    }
}
