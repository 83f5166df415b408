package io.feedimport.store;

/** What an upsert did to the entity. */
public enum StoreResult {
    INSERTED, UPDATED,
    /** The stored row already had exactly these values. */
    UNCHANGED,
    /** The stored row has a newer version; the incoming one was not applied. */
    OUTDATED
}
