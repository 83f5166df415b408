package io.feedimport.reference;

/**
 * Where resolved reference ids are kept between lookups, per lookup cache name and normalized key. Only ids that
 * exist are cached, never misses: a missing agent may be created a minute later.
 */
public interface LookupCache {

    /** The cached id, or null when not cached (or expired). */
    Long get(String lookup, String key);

    void put(String lookup, String key, long value);

    /** Drops every entry of the lookup. */
    void evict(String lookup);

    /** Hits served by a remote cache rather than the in-process one; 0 for purely local caches. */
    default long remoteHits() {
        return 0;
    }

    /** Remote cache calls that failed; 0 for purely local caches. */
    default long remoteFailures() {
        return 0;
    }
}
