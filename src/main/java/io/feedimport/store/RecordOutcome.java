package io.feedimport.store;

/** How a published record ended, as written in the outcome ledger. */
public enum RecordOutcome {
    PERSISTED, UNCHANGED, OUTDATED, PARKED;

    public static RecordOutcome of(StoreResult result) {
        return switch (result) {
            case INSERTED, UPDATED -> PERSISTED;
            case UNCHANGED -> UNCHANGED;
            case OUTDATED -> OUTDATED;
        };
    }
}
