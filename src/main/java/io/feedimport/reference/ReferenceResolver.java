package io.feedimport.reference;

import io.feedimport.feed.LookupDefinition;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The one entry point consumers call: turns a raw field value into the integer id (BIGINT) of the referenced row,
 * through the cache, loading from the reference table on a miss and applying the lookup's onMissing when no row has
 * the key. A bad value is a {@link Resolution} with a reason; a lookup the table cannot serve (no such table, a value
 * column that does not hold integers) throws IllegalStateException naming the table and column at first use.
 */
public final class ReferenceResolver {

    private static final int SHOWN_CHARACTERS = 100;

    private final ReferenceTable table;
    private final LookupCache cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder created = new LongAdder();

    public ReferenceResolver(ReferenceTable table, LookupCache cache) {
        this.table = table;
        this.cache = cache;
    }

    /** The resolution of raw under the lookup; a null or blank raw value is NULL without a reason (nothing to look up). */
    public Resolution resolve(LookupDefinition lookup, String raw) {
        String key = lookup.normalized(raw);
        if (key == null || key.isBlank()) {
            return Resolution.nullValue(null);
        }
        Long cached = cache.get(lookup.cacheName(), key);
        if (cached != null) {
            hits.increment();
            return Resolution.found(cached);
        }
        misses.increment();
        loads.increment();
        Optional<Long> found = table.find(lookup, key);
        if (found.isPresent()) {
            cache.put(lookup.cacheName(), key, found.get());
            return Resolution.found(found.get());
        }
        return switch (lookup.onMissing()) {
            case REJECT -> Resolution.rejected(missing(lookup, key));
            case NULL -> Resolution.nullValue(missing(lookup, key));
            case CREATE -> create(lookup, key);
        };
    }

    /** Drops every cached entry of the lookup's table at once: in this process, and in Redis for every worker. */
    public void evict(LookupDefinition lookup) {
        cache.evict(lookup.cacheName());
    }

    public CacheStats stats() {
        return new CacheStats(hits.sum(), cache.remoteHits(), misses.sum(), loads.sum(), created.sum(),
                cache.remoteFailures());
    }

    private Resolution create(LookupDefinition lookup, String key) {
        ReferenceTable.Insertion insertion;
        try {
            insertion = table.insert(lookup, key);
        } catch (DataIntegrityViolationException e) {
            String cause = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            return Resolution.rejected("lookup " + lookup.name() + ": could not create " + describe(lookup, key) + ": "
                    + shorten(String.valueOf(cause).lines().findFirst().orElse("")));
        }
        cache.put(lookup.cacheName(), key, insertion.id());
        if (!insertion.inserted()) {
            return Resolution.found(insertion.id()); // a concurrent worker created it a moment earlier
        }
        created.increment();
        return Resolution.created(insertion.id());
    }

    private static String missing(LookupDefinition lookup, String key) {
        return "lookup " + lookup.name() + ": no " + describe(lookup, key);
    }

    private static String describe(LookupDefinition lookup, String key) {
        return lookup.table() + " with " + lookup.keyColumn() + " '" + shorten(key) + "'";
    }

    private static String shorten(String value) {
        if (value.codePointCount(0, value.length()) <= SHOWN_CHARACTERS) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, SHOWN_CHARACTERS)) + "...";
    }
}
