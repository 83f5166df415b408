package io.feedimport.report;

/** Where a run stands, as shown to users. */
public enum RunStatus {
    /** Running now, or interrupted without a chance to say so (a killed process): running it again resumes it. */
    STARTED,
    /** Every record read is accounted for. */
    COMPLETED,
    /** Stopped on an error or could not be reconciled; running the same command again resumes it. */
    FAILED
}
