package io.feedimport.run;

/** How a published record ended, as written in the outcome ledger. */
public enum RecordOutcome {
    PERSISTED, UNCHANGED, OUTDATED, PARKED,
    /** Refused by the consumer for good (its values cannot be mapped or stored); it is in the skip report too. */
    REJECTED,
    /** A withdrawal of a snapshot run (numbered after the run's records) that withdrew its key. */
    WITHDRAWN
}
