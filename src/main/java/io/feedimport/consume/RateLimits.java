package io.feedimport.consume;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.feedimport.feed.FeedDefinition;
import org.redisson.api.RedissonClient;

/**
 * The rate limits of a process, one per feed, applied by every transport in front of the feed's consumer: in this
 * process on the embedded default (its only consumer), in Redis in production, where every worker takes its permits
 * from the same limiter. Closing shuts the Redis client down.
 */
public final class RateLimits implements AutoCloseable {

    private final RedissonClient redisson;
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    private RateLimits(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Limits held in this process: right where this process is the feed's only consumer. */
    public static RateLimits local() {
        return new RateLimits(null);
    }

    /** Limits shared through Redis by every process that uses the same Redis. */
    public static RateLimits shared(RedissonClient redisson) {
        return new RateLimits(redisson);
    }

    /** The feed's consumer behind its rate limit, or the consumer itself when the feed has none. */
    public RecordConsumer limit(FeedDefinition feed, RecordConsumer consumer) {
        int perSecond = feed.delivery().rateLimit();
        return perSecond <= 0 ? consumer : new RateLimitedConsumer(consumer, of(feed.name(), perSecond), perSecond);
    }

    /** One limiter per feed and rate, shared by every run and worker of the feed in this process. */
    RateLimit of(String feed, int perSecond) {
        return limits.computeIfAbsent(feed + "@" + perSecond, key -> redisson == null
                ? new LocalRateLimit(perSecond) : new RedisRateLimit(redisson, feed, perSecond));
    }

    @Override
    public void close() {
        if (redisson != null) {
            redisson.shutdown();
        }
    }
}
