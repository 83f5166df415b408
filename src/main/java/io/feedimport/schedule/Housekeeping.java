package io.feedimport.schedule;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.feedimport.run.RunRetention;
import io.feedimport.support.DaemonThreads;
import io.feedimport.support.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Prunes what old runs kept per record, for a process that runs for weeks (the daemon): once shortly after start, then
 * once a day. A prune that fails (the database away) is one line, and the next day's tries again.
 */
public final class Housekeeping implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final RunRetention retention;
    private final Duration keep;
    private final Clock clock;
    private final PrintStream out;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("feedimport-housekeeping"));

    /** @param keep how long a completed run keeps its per-record details */
    public Housekeeping(RunRetention retention, Duration keep, Clock clock, PrintStream out) {
        this.retention = retention;
        this.keep = keep;
        this.clock = clock;
        this.out = out;
    }

    /** Prunes after {@code firstAfter}, then every {@code every}. */
    public void start(Duration firstAfter, Duration every) {
        executor.scheduleWithFixedDelay(this::pruneQuietly, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Prunes the details of runs that completed more than {@code keep} ago; says what it did when it did anything. */
    public RunRetention.Pruned prune() {
        Instant before = clock.instant().minus(keep);
        RunRetention.Pruned pruned = retention.prune(before);
        if (pruned.runs() > 0 || pruned.pickups() > 0) {
            out.println("feedimport: " + describe(pruned, before));
        }
        return pruned;
    }

    /** One line saying what a prune removed, for the daemon's output and the {@code prune} command. */
    public static String describe(RunRetention.Pruned pruned, Instant before) {
        return String.format(Locale.ROOT, "pruned the per-record details of %,d run(s) completed before %s: %,d record outcomes,"
                        + " %,d skip report lines, %,d progress samples; and %,d old pick-ups that imported nothing",
                pruned.runs(), before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), pruned.outcomes(), pruned.skipLines(),
                pruned.progressSamples(), pruned.pickups());
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            // "Failed to obtain JDBC Connection" says nothing: the driver's reason is the one to read
            out.println("feedimport: pruning old runs failed, trying again in a day: "
                    + Messages.firstLine(NestedExceptionUtils.getMostSpecificCause(e)));
            log.warn("pruning old runs failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
