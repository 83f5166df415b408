package io.feedimport.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from a broker or a database for a gauge, served from memory: a scrape gets the last reading at once,
 * and when that is older than {@code refreshAfter} a new one is taken in the background (one at a time). A reading
 * older than {@code forgetAfter} is no longer reported (null), so an outage shows as a gap rather than as a frozen
 * number, and never as a slow or failed scrape.
 */
public final class LatestReading<T> {

    private static final Logger log = LoggerFactory.getLogger(LatestReading.class);
    private static final long NEVER = Long.MIN_VALUE;

    private record Reading<T>(T value, long takenAt) {
    }

    private final String what;
    private final Callable<T> source;
    private final Executor executor;
    private final Clock clock;
    private final long refreshAfter;
    private final long forgetAfter;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Reading<T> latest;
    private volatile long lastAttempt = NEVER;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param what     what is read, for the log ("queue depths of feed offers")
     * @param executor where readings are taken; a slow one delays only the next reading
     */
    public LatestReading(String what, Callable<T> source, Executor executor, Clock clock, Duration refreshAfter,
                         Duration forgetAfter) {
        this.what = what;
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        this.refreshAfter = refreshAfter.toMillis();
        this.forgetAfter = forgetAfter.toMillis();
    }

    /** The last reading if it is recent enough, else null; asks for a new one when it is due. */
    public T get() {
        long now = clock.millis();
        Reading<T> last = latest;
        if ((last == null || now - last.takenAt() >= refreshAfter) && (lastAttempt == NEVER || now - lastAttempt >= refreshAfter)
                && reading.compareAndSet(false, true)) {
            lastAttempt = now;
            try {
                executor.execute(this::read);
            } catch (RejectedExecutionException e) {
                reading.set(false); // shutting down
            }
        }
        return last == null || now - last.takenAt() >= forgetAfter ? null : last.value();
    }

    private void read() {
        try {
            T value = source.call();
            latest = new Reading<>(value, clock.millis());
            if (warned.compareAndSet(true, false)) {
                log.info("{} can be read again", what);
            }
        } catch (Exception | LinkageError e) {
            // once per outage: a scrape every 15 s must not fill the log
            if (warned.compareAndSet(false, true)) {
                log.warn("cannot read {} (reported as unknown until it can): {}", what, e.toString());
            }
        } finally {
            reading.set(false);
        }
    }
}
