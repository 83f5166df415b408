package io.feedimport.source;

import java.time.Instant;

/**
 * One version of a dropped file in the ledger: a name with a size and modification time. A new size or time under
 * the same name is a new entry, once the previous one was handled.
 *
 * @param polls           consecutive polls that saw this size and time
 * @param unchangedSince  when a poll first saw this size and time
 * @param tidied          whether it was archived, deleted or moved to the failed folder as the feed says (or is kept)
 */
public record FileEntry(long id, String feed, String name, long size, Instant modified, String checksum, FileState state,
                        int polls, Instant unchangedSince, boolean tidied, Long runId, String reason, Instant firstSeen, Instant updatedAt) {

    public boolean sameVersion(long otherSize, Instant otherModified) {
        return size == otherSize && modified.equals(otherModified);
    }
}
