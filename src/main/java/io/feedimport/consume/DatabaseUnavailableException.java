package io.feedimport.consume;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.feedimport.support.Messages;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database is out of reach (refused, stopped, connection cut): not the records' fault, so a consumer throws this
 * instead of returning outcomes. Transports then hold the batch and deliver it again once the database answers,
 * without spending the records' attempts: an outage longer than the retry budget parks nothing.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(RuntimeException cause) {
        super("database unavailable: " + Messages.firstLine(innermost(cause)), cause);
    }

    /**
     * Whether a failure says the connection itself is gone, however it was wrapped: a pool that cannot hand out a
     * connection, a refused or broken socket (SQL state class 08), or a commit lost with its connection.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
