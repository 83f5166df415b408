package io.feedimport.publish;

/**
 * The same specification for a feed with more stored fingerprints than a run may hold in memory: its records are
 * compared one query per chunk.
 */
class ChangedRecordsPerChunkTest extends ChangedRecordsTest {

    @Override
    int maxSnapshotKeys() {
        return 0;
    }
}
