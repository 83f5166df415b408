package io.feedimport.monitoring;

import java.time.Duration;

import io.sentry.SentryClient;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the run reporter the configuration asks for: Sentry when a DSN is set (from {@code SENTRY_DSN}, never from a
 * feed file), {@link RunReporter#NONE} otherwise, so that a machine without Sentry imports exactly as before.
 */
public final class RunReporters {

    /** How long a run's end waits for its events to be delivered; the CLI exits right after. */
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(3);
    /** How long one HTTP call to Sentry may take to connect, and then to answer. */
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
    /** How long closing waits for what is still queued; whatever the run's flush did not deliver is likely lost. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    static final int MAX_EXAMPLES = 5;

    private static final Logger log = LoggerFactory.getLogger(RunReporters.class);

    private RunReporters() {
    }

    /**
     * A Sentry reporter for the DSN, or {@link RunReporter#NONE} when the DSN is null or blank, or not a valid DSN
     * (logged, without the DSN, which holds a key). The release is the application's version when it is packaged.
     *
     * @param environment the Sentry environment ({@code production}, {@code staging}), or null for Sentry's default
     */
    public static RunReporter fromDsn(String dsn, String environment) {
        return fromDsn(dsn, environment, RunReporters.class.getPackage().getImplementationVersion());
    }

    /** As {@link #fromDsn(String, String)}, with the release given (null for none). */
    public static RunReporter fromDsn(String dsn, String environment, String release) {
        if (dsn == null || dsn.isBlank()) {
            return RunReporter.NONE;
        }
        SentryFailures failures = new SentryFailures();
        try {
            SentryClient client = new SentryClient(options(dsn.strip(), environment, release, failures));
            return new SentryRunReporter(client, new RunEvents(MAX_EXAMPLES), failures, FLUSH_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Sentry reporting is off: the configured DSN is not usable ({})", e.getClass().getSimpleName());
            return RunReporter.NONE;
        }
    }

    private static SentryOptions options(String dsn, String environment, String release, SentryFailures failures) {
        SentryOptions options = new SentryOptions();
        options.setDsn(dsn);
        options.setSendDefaultPii(false);
        if (environment != null && !environment.isBlank()) {
            options.setEnvironment(environment);
        }
        if (release != null && !release.isBlank()) {
            options.setRelease("feedimport@" + release);
        }
        // the integrations below are only installed by Sentry.init, which we never call; switched off all the same
        // so that nobody wiring these options into the global hub later gets a process-wide handler by surprise
        options.setEnableUncaughtExceptionHandler(false);
        options.setEnableShutdownHook(false);
        options.setMaxBreadcrumbs(0);
        options.setSendClientReports(false);
        options.setAttachStacktrace(false);
        options.setBeforeSend(new ScrubbingBeforeSend());
        // the SDK reports delivery failures only through its logger, and only in debug mode
        options.setLogger(failures);
        options.setDebug(true);
        options.setDiagnosticLevel(SentryLevel.WARNING);
        // a hanging Sentry must not hold a run up: closing waits CLOSE_TIMEOUT to flush, then as long again for the
        // sender thread (the SDK uses the flush timeout for that) before interrupting it
        options.setConnectionTimeoutMillis((int) HTTP_TIMEOUT.toMillis());
        options.setReadTimeoutMillis((int) HTTP_TIMEOUT.toMillis());
        options.setShutdownTimeoutMillis(CLOSE_TIMEOUT.toMillis());
        options.setFlushTimeoutMillis(CLOSE_TIMEOUT.toMillis());
        return options;
    }
}
