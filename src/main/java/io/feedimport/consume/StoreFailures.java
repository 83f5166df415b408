package io.feedimport.consume;

import java.sql.SQLException;

import io.feedimport.support.Messages;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionTimedOutException;

/** How a failed lookup or upsert is classified and worded: what a retry or park reason shows. */
final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * "ExceptionClass: first line of its message", of the most specific cause; a timeout says which setting cut it.
     *
     * @param timeoutSeconds the transaction's timeout, {@code delivery.timeout}
     */
    static String reason(RuntimeException e, int timeoutSeconds) {
        Throwable cause = e instanceof DataAccessException d ? d.getMostSpecificCause() : e;
        String reason = cause.getClass().getSimpleName() + ": " + Messages.firstLine(cause);
        // PostgreSQL words a statement cancelled at the timeout as "canceling statement due to user request"
        return timedOut(e) ? "timed out after " + timeoutSeconds + "s (delivery.timeout), waiting for a lock"
                + " or a slow database: " + reason : reason;
    }

    /** Whether a statement or its transaction outlived {@code delivery.timeout}, however the driver says so. */
    static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryTimeoutException || cause instanceof TransactionTimedOutException
                    || cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(DataAccessException e) {
        return Messages.firstLine(e.getMostSpecificCause());
    }
}
