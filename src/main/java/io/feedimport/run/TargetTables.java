package io.feedimport.run;

import io.feedimport.feed.FeedDefinition;

/**
 * What a run needs of the last stage before it reads a single record: the feed's target table, created when missing
 * and checked for the columns the feed needs, so that a wrong target fails the run at once instead of parking every
 * record. Implemented by {@code store}, which this package does not import.
 */
public interface TargetTables {

    /** @throws RuntimeException with a one-line message when the table cannot be created or lacks a column */
    void ensure(FeedDefinition feed);
}
