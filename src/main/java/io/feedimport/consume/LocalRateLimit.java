package io.feedimport.consume;

import java.util.concurrent.TimeUnit;

/**
 * A feed's rate in one process, where this process is the feed's only consumer (the embedded default): permits are
 * handed out evenly spaced at the rate, and idle time earns nothing, so the rate is never exceeded by a burst.
 */
final class LocalRateLimit implements RateLimit {

    private final long nanosPerPermit;
    private long nextFree = System.nanoTime();

    LocalRateLimit(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit is at least 1 record/s, got " + perSecond);
        }
        this.nanosPerPermit = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    @Override
    public void acquire(int permits) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(nextFree, now);
            nextFree = start + permits * nanosPerPermit;
            wait = start - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
