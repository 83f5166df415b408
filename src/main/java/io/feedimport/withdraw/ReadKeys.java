package io.feedimport.withdraw;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.delta.RecordKeys;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.validate.CheckedRecord;

/**
 * What a snapshot run's publishing step does with each chunk, in the chunk's transaction: remembers the keys it read.
 * A skipped record's key counts as read when its key fields themselves are valid, so an invalid row of the export does
 * not withdraw its entity; a record whose key is broken names no entity, and protects none.
 */
public final class ReadKeys {

    /** For a feed that only upserts: remembers nothing. */
    public static final ReadKeys NONE = new ReadKeys(null, null);

    private final SeenKeys seen;
    private final RecordKeys hashes;
    private final int[] keyFields;

    ReadKeys(FeedDefinition feed, SeenKeys seen) {
        this.seen = seen;
        this.hashes = feed == null ? null : new RecordKeys(feed);
        this.keyFields = feed == null ? new int[0] : feed.target().key().stream().mapToInt(feed::indexOf).toArray();
    }

    public void read(long runId, List<? extends CheckedRecord> records) {
        if (seen == null) {
            return;
        }
        List<String> keys = new ArrayList<>(records.size());
        for (CheckedRecord record : records) {
            Object[] key = new Object[keyFields.length];
            for (int i = 0; i < keyFields.length; i++) {
                key[i] = record.values()[keyFields[i]];
            }
            String hash = hashes.hash(key);
            if (hash != null) {
                keys.add(hash);
            }
        }
        seen.add(runId, keys);
    }
}
