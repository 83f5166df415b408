package io.feedimport.source;

/** What one poll did with one file, or with the folder as a whole (then {@code file} is null). */
public record FileEvent(String file, Kind kind, Long runId, String detail) {

    public enum Kind {
        /** Not complete yet: still growing, or without its marker. */
        WAITING,
        /** Waiting for longer than the feed's readyTimeout. */
        STALLED,
        IMPORTED,
        FAILED,
        DUPLICATE,
        /** A name that could escape the folder, or otherwise unsafe: never touched. */
        REFUSED,
        /** Something went wrong that the next poll tries again: a download, an archive step, the folder itself. */
        ERROR,
        /** The poll found no file to import. */
        NOTHING
    }
}
