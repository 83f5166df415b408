package io.feedimport.consume;

/**
 * Permits for a feed's records at no more than its {@code delivery.rateLimit}: one permit per record, taken just
 * before the record's side effects (its lookups and its upsert), waiting as long as the rate requires.
 */
@FunctionalInterface
public interface RateLimit {

    /** No limit: never waits. */
    RateLimit NONE = permits -> { };

    /** Returns once {@code permits} records may be stored; permits never exceed one second's rate. */
    void acquire(int permits) throws InterruptedException;
}
