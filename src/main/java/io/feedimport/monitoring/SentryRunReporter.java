package io.feedimport.monitoring;

import java.time.Duration;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipEntry;
import io.sentry.ISentryClient;
import io.sentry.SentryEvent;

/**
 * Reports runs to Sentry through a client of its own rather than the SDK's global {@code Sentry.init} hub, so that
 * nothing else in the process (log appenders, uncaught-exception handlers, other libraries) starts sending to Sentry
 * behind our back, and tests can run several reporters side by side. Each report is flushed before
 * {@link #runEnded} returns, within a bounded time, because the CLI exits right after a run. Failures are logged and
 * swallowed: a broken Sentry must never fail an import.
 */
public final class SentryRunReporter implements RunReporter, AutoCloseable {

    private final ISentryClient client;
    private final RunEvents events;
    private final SentryFailures failures;
    private final Duration flushTimeout;

    SentryRunReporter(ISentryClient client, RunEvents events, SentryFailures failures, Duration flushTimeout) {
        this.client = client;
        this.events = events;
        this.failures = failures;
        this.flushTimeout = flushTimeout;
    }

    @Override
    public void runEnded(FeedDefinition feed, RunSummary summary, List<SkipEntry> skips) {
        try {
            List<SentryEvent> toSend = events.of(feed, summary, skips);
            if (toSend.isEmpty()) {
                return;
            }
            for (SentryEvent event : toSend) {
                // no scope: nothing a scope could add (user, breadcrumbs from log lines) belongs in these events
                client.captureEvent(event, null, null);
            }
            client.flush(flushTimeout.toMillis());
        } catch (RuntimeException | LinkageError e) {
            failures.failed("could not report run " + (summary == null ? "?" : summary.runId()), e);
        }
    }

    /** Sends what is still queued, within the flush timeout, and stops the client's sender thread. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (RuntimeException | LinkageError e) {
            failures.failed("could not close the Sentry client", e);
        }
    }
}
