package io.feedimport.source;

import java.util.List;

import io.feedimport.feed.SourceDefinition;
import io.feedimport.source.FileEntry;
import io.feedimport.source.FileLedger;
import io.feedimport.source.FileState;

/**
 * Tidies a drop folder after a file was handled: archives, deletes or keeps it as the feed says, moves a failed one
 * to the failed folder, and takes its marker along. The ledger remembers a step that failed, so the next poll tries
 * it again instead of importing the file again.
 */
final class FileTidier {

    private final FileLedger ledger;

    FileTidier(FileLedger ledger) {
        this.ledger = ledger;
    }

    /** Archives, deletes or keeps a handled file, or moves a failed one aside; a step that fails is tried next poll. */
    void tidy(DropFolder folder, SourceDefinition source, FileEntry entry, List<FileEvent> events) {
        if (entry.tidied()) {
            return;
        }
        try {
            if (entry.state() == FileState.FAILED) {
                folder.moveTo(entry.name(), source.failedDir());
            } else if (source.after() == SourceDefinition.After.ARCHIVE) {
                folder.moveTo(entry.name(), source.archiveDir());
            } else if (source.after() == SourceDefinition.After.DELETE) {
                folder.delete(entry.name());
            }
            if (source.ready() == SourceDefinition.Readiness.MARKER && source.after() != SourceDefinition.After.KEEP) {
                folder.delete(entry.name() + source.marker());
            }
            ledger.tidied(entry.id());
        } catch (DropFolderException e) {
            events.add(new FileEvent(entry.name(), FileEvent.Kind.ERROR, entry.runId(), e.getMessage()));
        }
    }
}
