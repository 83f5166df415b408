package io.feedimport.store;

/** The feed's target table cannot be used as the definition says: it cannot be created, or lacks a column. */
public class TargetTableException extends RuntimeException {

    TargetTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
