package io.feedimport.reference;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.redisson.api.RMapCache;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.MapCacheOptions;
import org.redisson.client.codec.StringCodec;

/**
 * A {@link LookupCache} shared by all workers through Redis (one Redisson map cache per lookup, each entry expiring
 * after the ttl), with a near cache in each worker so hot keys cost no round trip. Redis failures never reach the
 * caller: they read as misses (the resolver then asks the database) and Redis is skipped for a down period, see
 * {@link RedisGuard}. An eviction is announced to every worker so their near caches drop the lookup too; one made
 * while Redis is unreachable is replayed when Redis answers again.
 */
public final class RedisLookupCache implements LookupCache, AutoCloseable {

    /** How long a worker keeps a Redis value in its near cache at most. */
    public static final Duration NEAR_TTL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DOWN_PERIOD = Duration.ofSeconds(5);
    static final Duration WARN_EVERY = Duration.ofSeconds(30);
    static final String PREFIX = "feedimport:lookup:";
    static final String EVICTIONS = PREFIX + "evictions";

    private final RedissonClient redisson;
    private final boolean ownsClient;
    private final long ttlMillis;
    private final Clock clock;
    private final LocalLookupCache near;
    private final RedisGuard guard;
    private final RTopic evictions;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Set<String> pendingEvictions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, RMapCache<String, String>> maps = new ConcurrentHashMap<>();
    private final LongAdder remoteHits = new LongAdder();

    public RedisLookupCache(RedissonClient redisson, Duration ttl, Clock clock) {
        this(redisson, false, ttl, DEFAULT_DOWN_PERIOD, clock);
    }

    /** ownsClient: {@link #close()} shuts the client down. */
    RedisLookupCache(RedissonClient redisson, boolean ownsClient, Duration ttl, Duration downPeriod, Clock clock) {
        this.redisson = redisson;
        this.ownsClient = ownsClient;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.near = new LocalLookupCache(ttl.compareTo(NEAR_TTL) < 0 ? ttl : NEAR_TTL, clock);
        this.guard = new RedisGuard(downPeriod, WARN_EVERY, clock, this::recovered);
        this.evictions = redisson.getTopic(EVICTIONS, StringCodec.INSTANCE);
        subscribe();
    }

    @Override
    public Long get(String lookup, String key) {
        Long value = near.get(lookup, key);
        if (value != null) {
            return value;
        }
        String stored = guard.call(() -> map(lookup).get(key), null);
        Stored entry = stored == null ? null : Stored.parse(stored);
        if (entry == null) {
            return null;
        }
        remoteHits.increment();
        near.put(lookup, key, entry.value(), entry.expiresAt());
        return entry.value();
    }

    @Override
    public void put(String lookup, String key, long value) {
        near.put(lookup, key, value);
        String stored = new Stored(value, clock.millis() + ttlMillis).toString();
        guard.call(() -> map(lookup).fastPut(key, stored, ttlMillis, TimeUnit.MILLISECONDS), false);
    }

    @Override
    public void evict(String lookup) {
        if (!evictRemote(lookup)) {
            pendingEvictions.add(lookup);
        }
        near.evict(lookup);
    }

    @Override
    public long remoteHits() {
        return remoteHits.sum();
    }

    @Override
    public long remoteFailures() {
        return guard.failures();
    }

    @Override
    public void close() {
        if (ownsClient) {
            redisson.shutdown();
        }
    }

    private boolean evictRemote(String lookup) {
        return guard.call(() -> {
            map(lookup).delete();
            evictions.publish(lookup);
            return true;
        }, false);
    }

    private void recovered() {
        subscribe();
        // a copy: an eviction that fails again is put back, and must not be met again by this loop
        for (String lookup : List.copyOf(pendingEvictions)) {
            if (pendingEvictions.remove(lookup) && !evictRemote(lookup)) {
                pendingEvictions.add(lookup);
            }
        }
    }

    private void subscribe() {
        if (subscribed.compareAndSet(false, true)) {
            boolean done = guard.call(() -> {
                evictions.addListener(String.class, (channel, lookup) -> near.evict(lookup));
                return true;
            }, false);
            subscribed.set(done);
        }
    }

    private RMapCache<String, String> map(String lookup) {
        return maps.computeIfAbsent(lookup, name -> redisson.getMapCache(
                MapCacheOptions.<String, String>name(PREFIX + name).codec(StringCodec.INSTANCE).removeEmptyEvictionTask()));
    }

    /** A value as stored in Redis, with its expiry, so a near cache never serves it longer than Redis would. */
    private record Stored(long value, long expiresAt) {

        static Stored parse(String stored) {
            int colon = stored.indexOf(':');
            try {
                return new Stored(Long.parseLong(stored.substring(0, colon)), Long.parseLong(stored.substring(colon + 1)));
            } catch (RuntimeException e) {
                return null; // not written by this class: a miss
            }
        }

        @Override
        public String toString() {
            return value + ":" + expiresAt;
        }
    }
}
