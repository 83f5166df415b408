package io.feedimport.store;

import io.feedimport.run.RecordOutcome;

/** What an upsert did to the entity. */
public enum StoreResult {
    INSERTED, UPDATED,
    /** The stored row already had exactly these values. */
    UNCHANGED,
    /** The stored row has a newer version; the incoming one was not applied. */
    OUTDATED;

    /** How the run's outcome ledger counts this result. */
    public RecordOutcome outcome() {
        return switch (this) {
            case INSERTED, UPDATED -> RecordOutcome.PERSISTED;
            case UNCHANGED -> RecordOutcome.UNCHANGED;
            case OUTDATED -> RecordOutcome.OUTDATED;
        };
    }
}
