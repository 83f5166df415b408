package io.feedimport.reference;

/**
 * Counters of a {@link ReferenceResolver} since it was made: cache hits (of which redisHits came from Redis rather
 * than the in-process cache), misses, databaseLoads (reference table reads after a miss), created rows, and
 * redisFailures (Redis calls that failed or timed out and fell back to the database).
 */
public record CacheStats(long hits, long redisHits, long misses, long databaseLoads, long created, long redisFailures) {
}
