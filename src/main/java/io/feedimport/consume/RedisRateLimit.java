package io.feedimport.consume;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.feedimport.support.Messages;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateLimiterConfig;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed's rate shared by every worker of every machine: one Redisson {@link RRateLimiter} per feed in Redis
 * ({@code feedimport:rate:FEED}), at most {@code perSecond} permits in any one-second window, whoever takes them.
 *
 * <p>Fail-closed: while Redis cannot be reached, records wait and the limiter asks again every second, logging one
 * warning per 30 s. Storing without the limit would break the contract the limit stands for (a remote API refusing
 * or billing calls over its quota), and waiting loses nothing: the records stay unacknowledged in their batch.
 */
final class RedisRateLimit implements RateLimit {

    static final String PREFIX = "feedimport:rate:";
    private static final Logger log = LoggerFactory.getLogger(RedisRateLimit.class);
    private static final Duration WINDOW = Duration.ofSeconds(1);
    // Redis forgets a limiter unused for this long; the next worker to need it sets it up again
    private static final Duration KEEP_ALIVE = Duration.ofHours(1);
    private static final long WARN_EVERY_MILLIS = 30_000;
    private static final long RETRY_MILLIS = 1_000;

    private final String feed;
    private final int perSecond;
    private final RRateLimiter limiter;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean configured;

    RedisRateLimit(RedissonClient redisson, String feed, int perSecond) {
        this.feed = feed;
        this.perSecond = perSecond;
        this.limiter = redisson.getRateLimiter(PREFIX + feed);
    }

    @Override
    public void acquire(int permits) throws InterruptedException {
        for (int failures = 0; ; failures++) {
            try {
                configure();
                limiter.acquire(permits);
                return;
            } catch (RuntimeException e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the rate limit of feed " + feed);
                }
                // Redis restarted empty, or the limiter expired unused: set it up again before counting an outage
                boolean wasConfigured = configured;
                configured = false;
                if (failures > 0 || !wasConfigured) {
                    warn(e);
                    Thread.sleep(RETRY_MILLIS);
                }
            }
        }
    }

    /** Sets the feed's rate once per process; a rate changed in the feed definition replaces the stored one. */
    private void configure() {
        if (configured) {
            return;
        }
        if (!limiter.trySetRate(RateType.OVERALL, perSecond, WINDOW, KEEP_ALIVE)) {
            RateLimiterConfig stored = limiter.getConfig();
            if (stored.getRate() != perSecond || stored.getRateInterval() != WINDOW.toMillis()
                    || stored.getRateType() != RateType.OVERALL) {
                limiter.setRate(RateType.OVERALL, perSecond, WINDOW, KEEP_ALIVE);
            }
        }
        configured = true;
    }

    private void warn(RuntimeException e) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY_MILLIS) && lastWarning.compareAndSet(last, now)) {
            String reason = Messages.firstLine(e);
            log.warn("feed {}: cannot reach Redis for the rate limit ({}: {}); records wait until it answers", feed,
                    e.getClass().getSimpleName(), reason.length() > 200 ? reason.substring(0, 200) + "..." : reason);
        }
    }
}
