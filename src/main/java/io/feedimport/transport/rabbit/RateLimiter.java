package io.feedimport.transport.rabbit;

/**
 * At most {@code perSecond} records per second across the consumers of one feed in one worker process. A batch takes
 * its permits up front and waits until the rate allows it; no permit is ever lost or borrowed beyond one second.
 */
final class RateLimiter {

    private final long nanosPerPermit;
    private long nextFree = System.nanoTime();

    /** @param perSecond records per second, or 0 for no limit */
    RateLimiter(int perSecond) {
        this.nanosPerPermit = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    }

    void acquire(int permits) throws InterruptedException {
        if (nanosPerPermit == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            // idle time earns at most one second of burst
            nextFree = Math.max(nextFree, now - 1_000_000_000L);
            wait = nextFree - now;
            nextFree += permits * nanosPerPermit;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
