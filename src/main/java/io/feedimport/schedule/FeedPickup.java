package io.feedimport.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.source.FileEvent;
import io.feedimport.source.Poller;
import io.feedimport.schedule.FeedLocks;
import io.feedimport.schedule.PickupLog;
import io.feedimport.support.DaemonThreads;

/**
 * One pick-up of one feed under the feed's lock in the shared database: refused (not queued) while another process
 * or thread holds it; the lock is renewed while an import runs long, and expires if its holder dies. A cron
 * pick-up keeps polling every {@code pollEvery} while files are still arriving, up to {@code readyTimeout}, since a
 * file seen for the first time is never complete yet.
 */
public final class FeedPickup implements AutoCloseable {

    /** How long a feed's lock outlives a holder that stopped renewing it (a killed daemon), unless configured. */
    static final Duration LOCK_TTL = Duration.ofMinutes(2);

    private final Poller poller;
    private final FeedLocks locks;
    private final PickupLog log;
    private final String holder;
    private final Clock clock;
    private final Duration lockTtl;
    /** One thread renews the locks of every pick-up under way, rather than a thread per pick-up every pollEvery. */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("feedimport-lock-renewal"));

    /** @param holder this process, as other processes will read it: host/pid/random */
    public FeedPickup(Poller poller, FeedLocks locks, PickupLog log, String holder, Clock clock) {
        this(poller, locks, log, holder, clock, LOCK_TTL);
    }

    /** @param lockTtl how long the lock outlives a holder that stopped renewing it; renewed every quarter of it */
    public FeedPickup(Poller poller, FeedLocks locks, PickupLog log, String holder, Clock clock, Duration lockTtl) {
        this.lockTtl = lockTtl;
        this.poller = poller;
        this.locks = locks;
        this.log = log;
        this.holder = holder;
        this.clock = clock;
    }

    /** Polls once, as {@code pollEvery} and {@code feedimport poll} do. */
    public PickupResult poll(FeedDefinition feed) {
        return locked(feed, "poll", () -> poller.poll(feed));
    }

    /** A cron pick-up: polls until nothing is waiting any more or readyTimeout has passed. */
    public PickupResult scheduled(FeedDefinition feed) {
        return locked(feed, "cron", () -> {
            Instant until = clock.instant().plus(feed.pickup().readyTimeout());
            List<FileEvent> events = poller.poll(feed);
            while (waiting(events) && clock.instant().plus(feed.pickup().pollEvery()).isBefore(until)) {
                Thread.sleep(feed.pickup().pollEvery().toMillis());
                events = poller.poll(feed);
            }
            return events;
        });
    }

    private PickupResult locked(FeedDefinition feed, String trigger, Pass pass) {
        Instant started = clock.instant();
        if (!locks.tryAcquire(feed.name(), holder, lockTtl)) {
            String by = locks.holder(feed.name()).map(h -> h.holder()).orElse("another process");
            return PickupResult.skipped(feed.name(), "already being picked up by " + by);
        }
        long renewEvery = Math.max(1, lockTtl.toMillis() / 4);
        ScheduledFuture<?> renewal = heartbeat.scheduleAtFixedRate(() -> locks.renew(feed.name(), holder, lockTtl),
                renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        try {
            PickupResult result = PickupResult.of(feed.name(), pass.run());
            // every cron pick-up is on record (one that found nothing most of all); a poll every minute only when
            // it did something or went wrong, or the log would fill with "no file"
            if (trigger.equals("cron") || !result.outcome().equals("NO_FILE") && !result.outcome().equals("WAITING")) {
                log.record(new PickupLog.Pickup(feed.name(), trigger, started, result.outcome(), result.summary()));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PickupResult.skipped(feed.name(), "interrupted");
        } finally {
            renewal.cancel(false);
            locks.release(feed.name(), holder);
        }
    }

    private static boolean waiting(List<FileEvent> events) {
        return events.stream().anyMatch(e -> e.kind() == FileEvent.Kind.WAITING);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    @FunctionalInterface
    private interface Pass {
        List<FileEvent> run() throws InterruptedException;
    }
}
