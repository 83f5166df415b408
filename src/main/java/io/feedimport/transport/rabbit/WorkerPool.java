package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.consume.EntityConsumers;
import io.feedimport.consume.RateLimits;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkingLot;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** The workers of one process: one {@link FeedWorker} per feed, started together and stopped together. */
public final class WorkerPool implements AutoCloseable {

    private final CachingConnectionFactory connections;
    private final EntityConsumers consumers;
    private final ParkingLot parkingLot;
    private final FeedMetrics metrics;
    private final RateLimits rateLimits;
    private final List<FeedWorker> workers = new ArrayList<>();

    public WorkerPool(CachingConnectionFactory connections, EntityConsumers consumers, ParkingLot parkingLot,
                      FeedMetrics metrics, RateLimits rateLimits) {
        this.connections = connections;
        this.consumers = consumers;
        this.parkingLot = parkingLot;
        this.metrics = metrics;
        this.rateLimits = rateLimits;
    }

    public synchronized void start(List<FeedDefinition> feeds) throws IOException {
        for (FeedDefinition feed : feeds) {
            FeedWorker worker = new FeedWorker(feed, connections, connections.getRabbitConnectionFactory(),
                    rateLimits.limit(feed, consumers.forFeed(feed)), parkingLot, metrics);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public synchronized void close() {
        workers.forEach(FeedWorker::close);
        workers.clear();
    }
}
