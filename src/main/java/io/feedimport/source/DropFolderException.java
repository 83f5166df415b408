package io.feedimport.source;

/**
 * A drop folder that cannot be read or changed (server down, login refused, folder missing, permission denied),
 * with one line that names the folder and what went wrong, and never a password.
 */
public final class DropFolderException extends RuntimeException {

    public DropFolderException(String message, Throwable cause) {
        super(message, cause);
    }

    public DropFolderException(String message) {
        super(message);
    }
}
