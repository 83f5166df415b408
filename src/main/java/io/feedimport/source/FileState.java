package io.feedimport.source;

/** Where a dropped file stands in its feed's file ledger. */
public enum FileState {
    /** Seen, not yet complete (still growing, or without its marker). */
    WAITING,
    /** Complete, downloaded and handed to an import that has not ended. */
    IMPORTING,
    IMPORTED,
    /** Its import failed; the file went to the failed folder. */
    FAILED,
    /** Its content was imported before, under this or another name. */
    DUPLICATE;

    /** Whether the file of this version needs nothing more than tidying up. */
    public boolean handled() {
        return this == IMPORTED || this == FAILED || this == DUPLICATE;
    }
}
