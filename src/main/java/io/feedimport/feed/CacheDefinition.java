package io.feedimport.feed;

import java.time.Duration;

/** How long reference data of a feed's lookups may be served from the cache before it is read again. */
public record CacheDefinition(Duration ttl) {

    public static final CacheDefinition DEFAULT = new CacheDefinition(Duration.ofMinutes(10));
}
