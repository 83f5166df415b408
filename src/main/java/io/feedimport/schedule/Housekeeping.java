package io.feedimport.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.feedimport.run.RunRetention;
import io.feedimport.support.DaemonThreads;
import io.feedimport.support.LifecyclePhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;

/**
 * Prunes what old runs kept per record, for a process that runs for weeks (the daemon): once shortly after start, then
 * once a day. A prune that fails (the database away) is one event, and the next day's tries again. A lifecycle bean
 * of the {@code daemon} command's context, in {@link LifecyclePhases#PICKUPS}.
 */
public final class Housekeeping implements SmartLifecycle {

    /** When prunes run: the first {@code firstAfter} start, then every {@code every}. */
    public record Rhythm(Duration firstAfter, Duration every) {

        /**
         * Not at once: a daemon restarted in a loop should not prune on every start, and its first pick-ups come first.
         */
        public static final Rhythm DAILY = new Rhythm(Duration.ofMinutes(5), Duration.ofDays(1));
    }

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final RunRetention retention;
    private final Duration keep;
    private final Rhythm rhythm;
    private final Clock clock;
    private final ScheduleEvents events;
    private ScheduledExecutorService executor;

    /** @param keep how long a completed run keeps its per-record details; zero keeps them for ever (no prunes) */
    public Housekeeping(RunRetention retention, Duration keep, Rhythm rhythm, Clock clock, ScheduleEvents events) {
        this.retention = retention;
        this.keep = keep;
        this.rhythm = rhythm;
        this.clock = clock;
        this.events = events;
    }

    /** Whether this process prunes at all: not when told to keep every run's details for ever. */
    public boolean prunes() {
        return !keep.isZero();
    }

    /** Prunes the details of runs that completed more than {@code keep} ago; says what it did when it did anything. */
    public RunRetention.Pruned prune() {
        Instant before = clock.instant().minus(keep);
        RunRetention.Pruned pruned = retention.prune(before);
        if (pruned.runs() > 0 || pruned.pickups() > 0) {
            events.pruned(pruned, before);
        }
        return pruned;
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            // "Failed to obtain JDBC Connection" says nothing: the driver's reason is the one to read
            events.pruneFailed(NestedExceptionUtils.getMostSpecificCause(e));
            log.warn("pruning old runs failed", e);
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null || !prunes()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("feedimport-housekeeping"));
        executor.scheduleWithFixedDelay(this::pruneQuietly, rhythm.firstAfter().toMillis(), rhythm.every().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A prune under way is interrupted: each of its deletes is idempotent, so the next start's prune finishes it. */
    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.PICKUPS;
    }
}
