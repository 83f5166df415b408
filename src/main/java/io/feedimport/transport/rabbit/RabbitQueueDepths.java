package io.feedimport.transport.rabbit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.LatestReading;
import io.feedimport.monitoring.QueueDepths;
import io.feedimport.support.DaemonThreads;

/**
 * The queue depths of a feed on the broker: ready messages of its main queue, of all its retry queues together, and
 * of its parking queue, read with passive declares (which create nothing) on one connection of its own. Readings
 * are taken in the background at most every few seconds, so however often metrics are scraped the broker answers a
 * handful of declares, and a broker that is down or slow makes the gauges unknown (NaN), never a scrape slow.
 */
public final class RabbitQueueDepths implements QueueDepths, AutoCloseable {

    static final Duration REFRESH_AFTER = Duration.ofSeconds(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(1);
    private static final int NOT_FOUND = 404;

    private final ConnectionFactory connections;
    private final Duration refreshAfter;
    private final Map<String, LatestReading<long[]>> readings = new ConcurrentHashMap<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("feedimport-queue-depths"));
    private volatile Connection connection;

    public RabbitQueueDepths(ConnectionFactory connections) {
        this(connections, REFRESH_AFTER);
    }

    RabbitQueueDepths(ConnectionFactory connections, Duration refreshAfter) {
        this.connections = connections;
        this.refreshAfter = refreshAfter;
    }

    @Override
    public double depth(FeedDefinition feed, Queue queue) {
        long[] depths = readings.computeIfAbsent(feed.name(), name -> new LatestReading<>("queue depths of feed " + name,
                () -> read(FeedTopology.of(feed)), reader, Clock.systemUTC(), refreshAfter, FORGET_AFTER)).get();
        return depths == null ? Double.NaN : depths[queue.ordinal()];
    }

    /** Main, retry and parked depths, in the order of {@link Queue}; a queue not declared yet holds nothing. */
    private long[] read(FeedTopology topology) throws IOException, TimeoutException {
        long retry = 0;
        for (String route : topology.retryRoutes()) {
            retry += ready(topology.retryExchange() + "." + route);
        }
        return new long[] {ready(topology.queue()), retry, ready(topology.parkedQueue())};
    }

    /** Only the reader thread calls this, so the connection needs no lock. */
    private long ready(String queue) throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            connection = connections.newConnection("feedimport-queue-depths");
        }
        // a passive declare of a missing queue closes its channel, so each queue gets a channel of its own
        Channel channel = connection.createChannel();
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            if (e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException signal
                    && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close
                    && close.getReplyCode() == NOT_FOUND) {
                return 0;
            }
            throw e;
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(1000);
            }
        } catch (IOException | RuntimeException e) {
            // shutting down anyway
        }
    }
}
