package io.feedimport.reference;

import java.time.Clock;
import java.time.Duration;

import org.redisson.Redisson;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;

/** Makes the lookup caches: in-process only (the embedded default), or Redis with a near cache (workers on many machines). */
public final class LookupCaches {

    private LookupCaches() {
    }

    /** No cache at all: every lookup reads the database (for comparisons, and to rule the cache out). */
    public static LookupCache none(Duration ttl) {
        return new LookupCache() {
            @Override
            public Long get(String lookup, String key) {
                return null;
            }

            @Override
            public void put(String lookup, String key, long value) {
                // kept nowhere
            }

            @Override
            public void evict(String lookup) {
                // nothing to clear
            }
        };
    }

    public static LookupCache local(Duration ttl) {
        return new LocalLookupCache(ttl, Clock.systemUTC());
    }

    /** A Redis cache on its own Redisson client, configured by {@link #redissonConfig}; closing the cache shuts the client down. */
    public static RedisLookupCache redis(String host, int port, Duration ttl) {
        return redis(redissonConfig(host, port), ttl);
    }

    /** A Redis cache on its own Redisson client (e.g. {@link #redissonConfig} plus a password); closing the cache shuts the client down. */
    public static RedisLookupCache redis(Config config, Duration ttl) {
        return new RedisLookupCache(Redisson.create(config), true, ttl, RedisLookupCache.DEFAULT_DOWN_PERIOD,
                Clock.systemUTC());
    }

    /**
     * Redisson settings for a cache, not a store: Redisson's defaults (3 s timeout, 3 retries 1.5 s apart) would stall
     * every lookup for seconds while Redis is down, so calls give up after 500 ms without retrying and the database
     * answers instead. Lazy initialization lets a worker start while Redis is down.
     */
    public static Config redissonConfig(String host, int port) {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress("redis://" + host + ":" + port)
                .setConnectTimeout(1000)
                .setTimeout(500)
                .setRetryAttempts(0)
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(100)))
                .setReconnectionDelay(new EqualJitterDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .setSubscriptionTimeout(1000)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(32);
        return config;
    }
}
