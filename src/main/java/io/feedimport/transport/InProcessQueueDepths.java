package io.feedimport.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.LatestReading;
import io.feedimport.monitoring.QueueDepths;
import io.feedimport.support.DaemonThreads;

/**
 * The queue depths of the in-process transport: records in its consumer lanes (main), records waiting out a backoff
 * before another attempt (retry), both counted by the transports of this process as records move, and the feed's
 * parked records (error), read from the database every few seconds in the background.
 */
public final class InProcessQueueDepths implements QueueDepths, AutoCloseable {

    static final Duration REFRESH_AFTER = Duration.ofSeconds(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(1);

    /** Records of one feed in the lanes of this process, updated by its transports. */
    static final class Waiting {
        private final AtomicLong main = new AtomicLong();
        private final AtomicLong retry = new AtomicLong();

        void arrived(int records) {
            main.addAndGet(records);
        }

        void left(int records) {
            main.addAndGet(-records);
        }

        void backingOff(int records) {
            main.addAndGet(-records);
            retry.addAndGet(records);
        }

        void due(int records) {
            retry.addAndGet(-records);
            main.addAndGet(records);
        }

        void leftWhileBackingOff(int records) {
            retry.addAndGet(-records);
        }

        long main() {
            return main.get();
        }

        long retry() {
            return retry.get();
        }
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, LatestReading<Long>> parked = new ConcurrentHashMap<>();
    private final ToLongFunction<String> parkedCount;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("feedimport-queue-depths"));

    /** @param parkedCount how many records of a feed (by name) are parked now */
    public InProcessQueueDepths(ToLongFunction<String> parkedCount) {
        this.parkedCount = parkedCount;
    }

    Waiting of(String feed) {
        return waiting.computeIfAbsent(feed, name -> new Waiting());
    }

    @Override
    public double depth(FeedDefinition feed, Queue queue) {
        return switch (queue) {
            case MAIN -> of(feed.name()).main();
            case RETRY -> of(feed.name()).retry();
            case ERROR -> {
                Long count = parked.computeIfAbsent(feed.name(), name -> new LatestReading<>("parked records of feed " + name,
                        () -> parkedCount.applyAsLong(name), reader, Clock.systemUTC(), REFRESH_AFTER, FORGET_AFTER)).get();
                yield count == null ? Double.NaN : count;
            }
        };
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
