package io.feedimport.reference;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Redis an accelerator rather than a point of failure: every Redis call goes through {@link #call}, which turns
 * any failure into the fallback, counts it, logs at most one warning per interval, and skips Redis entirely for a
 * down period, so an outage costs one timeout now and then instead of one per lookup. The first call that succeeds
 * after an outage runs the recovery action.
 */
final class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    private static final long NEVER = Long.MIN_VALUE;
    private static final List<String> CUT_AT = List.of(" Check ", "Netty pending", "command: (", "params:");

    private final long downMillis;
    private final long warnEveryMillis;
    private final Clock clock;
    private final Runnable onRecovery;
    private final LongAdder failures = new LongAdder();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong lastWarning = new AtomicLong(NEVER);
    private volatile long skipUntil;

    RedisGuard(Duration downPeriod, Duration warnEvery, Clock clock, Runnable onRecovery) {
        this.downMillis = downPeriod.toMillis();
        this.warnEveryMillis = warnEvery.toMillis();
        this.clock = clock;
        this.onRecovery = onRecovery;
    }

    /** The operation's result, or fallback when Redis is marked down or the operation fails. */
    <T> T call(Supplier<T> operation, T fallback) {
        boolean probe = false;
        if (down.get()) {
            // once the down period is over one call at a time probes Redis; the others keep to the fallback, so a
            // Redis that hangs rather than refuses costs one timeout per period, not one per consumer thread
            if (clock.millis() < skipUntil || !probing.compareAndSet(false, true)) {
                return fallback;
            }
            probe = true;
        }
        T result;
        try {
            result = operation.get();
        } catch (RuntimeException e) {
            failed(e);
            return fallback;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
        if (probe && down.compareAndSet(true, false)) {
            log.info("Redis answers again: reference lookups use it again");
            onRecovery.run();
        }
        return result;
    }

    long failures() {
        return failures.sum();
    }

    private void failed(RuntimeException e) {
        failures.increment();
        long now = clock.millis();
        skipUntil = now + downMillis; // written before down, so whoever sees down sees the period
        down.set(true);
        long last = lastWarning.get();
        if ((last == NEVER || now - last >= warnEveryMillis) && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis unavailable for reference lookups ({}): serving them from the database, trying Redis again"
                    + " in {} ms", describe(e), downMillis);
        }
    }

    /**
     * The exception's class and first sentence: Redisson's messages go on with tuning hints and the command with its
     * parameters, which hold reference keys (record values) and do not belong in a log.
     */
    private static String describe(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        for (String marker : CUT_AT) {
            int at = message.indexOf(marker);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        message = message.strip();
        return e.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) + "..." : message);
    }
}
