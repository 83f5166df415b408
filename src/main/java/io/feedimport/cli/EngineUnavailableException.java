package io.feedimport.cli;

/** The engine could not start (database unreachable, locked or misconfigured); no run was created. */
final class EngineUnavailableException extends RuntimeException {

    EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
