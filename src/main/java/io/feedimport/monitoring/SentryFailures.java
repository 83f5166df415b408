package io.feedimport.monitoring;

import java.util.IllegalFormatException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sentry.ILogger;
import io.sentry.SentryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator that Sentry reporting is failing, once: the first failure of a reporter is logged at WARN, the
 * later ones at DEBUG, so an unreachable Sentry does not flood the log of a run. It is also the SDK's logger, since
 * the SDK does not throw when it cannot deliver an event (a refused connection, an HTTP error), it only logs; the
 * SDK's own messages name envelopes and HTTP statuses, never event contents.
 */
final class SentryFailures implements ILogger {

    private static final Logger log = LoggerFactory.getLogger(SentryFailures.class);

    private final AtomicBoolean warned = new AtomicBoolean();

    /** Records one failure of ours (building, sending, flushing or closing). */
    void failed(String what, Throwable cause) {
        String reason = cause == null ? what : what + ": " + cause;
        if (warned.compareAndSet(false, true)) {
            log.warn("Sentry reporting failed, events may be lost (further failures are logged at DEBUG): {}", reason);
        } else {
            log.debug("Sentry reporting failed: {}", reason);
        }
    }

    @Override
    public void log(SentryLevel level, String message, Object... args) {
        if (isEnabled(level)) {
            failed(format(message, args), null);
        }
    }

    @Override
    public void log(SentryLevel level, String message, Throwable throwable) {
        if (isEnabled(level)) {
            failed(message, throwable);
        }
    }

    @Override
    public void log(SentryLevel level, Throwable throwable, String message, Object... args) {
        if (isEnabled(level)) {
            failed(format(message, args), throwable);
        }
    }

    /** Only the SDK's warnings and errors are failures; its chatter below that is not ours to log. */
    @Override
    public boolean isEnabled(SentryLevel level) {
        return level != null && level.ordinal() >= SentryLevel.WARNING.ordinal();
    }

    private static String format(String message, Object... args) {
        try {
            return args == null || args.length == 0 ? message : String.format(message, args);
        } catch (IllegalFormatException e) {
            return message;
        }
    }
}
