package io.feedimport.cli;

/**
 * The command line names something that does not exist, such as a feed: one line that says what does, without the
 * usage, which was right.
 */
final class UnknownNameException extends RuntimeException {

    UnknownNameException(String message) {
        super(message);
    }
}
