package io.feedimport.reference;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process {@link LookupCache}: entries expire after the ttl, and each lookup holds at most a fixed number of
 * entries, the oldest going first. Used alone by the embedded default and as the near cache in front of Redis.
 */
public final class LocalLookupCache implements LookupCache {

    /** Entries per lookup unless told otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private record Entry(long value, long expiresAt) {
    }

    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Map<String, Entry>> lookups = new ConcurrentHashMap<>();

    public LocalLookupCache(Duration ttl, Clock clock) {
        this(ttl, DEFAULT_MAX_ENTRIES, clock);
    }

    public LocalLookupCache(Duration ttl, int maxEntriesPerLookup, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive, got " + ttl);
        }
        if (maxEntriesPerLookup < 1) {
            throw new IllegalArgumentException("cache size must be at least 1, got " + maxEntriesPerLookup);
        }
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntriesPerLookup;
        this.clock = clock;
    }

    @Override
    public Long get(String lookup, String key) {
        Map<String, Entry> entries = lookups.get(lookup);
        if (entries == null) {
            return null;
        }
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (clock.millis() >= entry.expiresAt()) {
                entries.remove(key);
                return null;
            }
            return entry.value();
        }
    }

    @Override
    public void put(String lookup, String key, long value) {
        put(lookup, key, value, Long.MAX_VALUE);
    }

    /** Like {@link #put(String, String, long)}, but expiring no later than notAfter (epoch millis) either. */
    void put(String lookup, String key, long value, long notAfter) {
        long expiresAt = Math.min(clock.millis() + ttlMillis, notAfter);
        Map<String, Entry> entries = lookups.computeIfAbsent(lookup, name -> newSegment());
        synchronized (entries) {
            // removed first, so a refreshed entry moves to the young end of the insertion order
            entries.remove(key);
            entries.put(key, new Entry(value, expiresAt));
        }
    }

    @Override
    public void evict(String lookup) {
        lookups.remove(lookup);
    }

    private Map<String, Entry> newSegment() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }
}
