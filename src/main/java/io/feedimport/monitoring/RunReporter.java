package io.feedimport.monitoring;

import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipEntry;

/**
 * Tells the outside world (an error tracker) how a run ended, so that skipped, parked and failed runs are noticed
 * without anyone reading the CLI's output. Implementations never throw: reporting must not change a run's outcome.
 */
public interface RunReporter extends AutoCloseable {

    /** Reports nothing; what runs get when no error tracker is configured. */
    RunReporter NONE = (feed, summary, skips) -> { };

    /**
     * Reports one ended run; returns once what it sent is delivered or a bounded time has passed.
     *
     * @param feed    the definition the run used, which says which fields are sensitive
     * @param summary the run's counts and status
     * @param skips   the run's skip entries (may be empty)
     */
    void runEnded(FeedDefinition feed, RunSummary summary, List<SkipEntry> skips);

    /** Releases what the reporter holds (threads, connections); the default holds nothing. Never throws. */
    @Override
    default void close() {
    }
}
