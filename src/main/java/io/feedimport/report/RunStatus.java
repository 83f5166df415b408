package io.feedimport.report;

/** Where a run stands, as shown to users. */
public enum RunStatus {
    /** Running now, or interrupted without a chance to say so (a killed process): running it again resumes it. */
    STARTED,
    /** Every record read is accounted for. */
    COMPLETED,
    /** Stopped on an error or could not be reconciled; running the same command again resumes it. */
    FAILED,
    /**
     * A snapshot run whose file was read, and whose upserts stand, but whose withdrawals its guard held back (too few
     * records, a file cut short or broken, too many invalid): someone releases or discards them.
     */
    HELD
}
