package io.feedimport.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.SourceDefinition;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.source.FileEntry;
import io.feedimport.source.FileLedger;
import io.feedimport.source.FileState;
import io.feedimport.support.Messages;

/**
 * One polling pass over a feed's drop folder: every complete file not seen before is downloaded whole, imported and
 * tidied up (archived, deleted or kept; moved to the failed folder when its import failed), oldest first. A file is
 * complete as {@link FileReadiness} decides and when its name is not a partial one. The ledger decides what was seen before, so a restart, a second poller or a failed archive
 * step never imports a file twice, while new content under an old name is imported.
 */
public final class Poller {

    private static final int DOWNLOAD_ATTEMPTS = 3;

    private final Function<SourceDefinition, DropFolder> folders;
    private final FileLedger ledger;
    private final FileImport importer;
    private final Path workDir;
    private final FileTidier tidier;

    /**
     * @param folders opens a feed's drop folder ({@link DropFolders#open} outside tests)
     * @param workDir where downloads go, one sub-folder per feed
     */
    public Poller(Function<SourceDefinition, DropFolder> folders, FileLedger ledger, FileImport importer, Path workDir) {
        this.folders = folders;
        this.ledger = ledger;
        this.importer = importer;
        this.workDir = workDir;
        this.tidier = new FileTidier(ledger);
    }

    public List<FileEvent> poll(FeedDefinition feed) {
        SourceDefinition source = feed.pickup();
        FileReadiness readiness = new FileReadiness(source);
        List<FileEvent> events = new ArrayList<>();
        try (DropFolder folder = folders.apply(source)) {
            List<DroppedFile> listed = folder.list();
            Set<String> names = listed.stream().map(DroppedFile::name).collect(Collectors.toSet());
            List<DroppedFile> candidates = listed.stream()
                    .filter(file -> !isMarker(source, file.name()) && source.accepts(file.name()))
                    .sorted(Comparator.comparing(DroppedFile::modified).thenComparing(DroppedFile::name))
                    .toList();
            for (DroppedFile file : candidates) {
                if (!SafeNames.safe(file.name())) {
                    events.add(new FileEvent(file.name(), FileEvent.Kind.REFUSED, null, "unsafe file name, never touched"));
                    continue;
                }
                FileEntry entry = ledger.observe(feed.name(), file.name(), file.size(), file.modified());
                if (entry.state().handled()) {
                    tidier.tidy(folder, source, entry, events);
                } else if (!readiness.ready(entry, source.marker() != null && names.contains(file.name() + source.marker()),
                        file.exactTime())) {
                    FileEvent waiting = waiting(source, entry, readiness.waitingFor(entry));
                    if (waiting.kind() == FileEvent.Kind.STALLED) {
                        ledger.remark(entry.id(), "stalled: " + waiting.detail());
                    }
                    events.add(waiting);
                } else {
                    events.add(take(feed, folder, file, entry));
                    tidier.tidy(folder, source, ledger.find(entry.id()), events);
                }
            }
        } catch (DropFolderException e) {
            events.add(new FileEvent(null, FileEvent.Kind.ERROR, null, e.getMessage()));
        }
        if (events.isEmpty()) {
            events.add(new FileEvent(null, FileEvent.Kind.NOTHING, null, "no file to import"));
        }
        return events;
    }

    private static boolean isMarker(SourceDefinition source, String name) {
        return source.ready() == SourceDefinition.Readiness.MARKER && name.endsWith(source.marker());
    }

    private static FileEvent waiting(SourceDefinition source, FileEntry entry, String what) {
        Duration waited = Duration.between(entry.firstSeen(), entry.updatedAt());
        if (waited.compareTo(source.readyTimeout()) > 0) {
            return new FileEvent(entry.name(), FileEvent.Kind.STALLED, null, what + " for " + waited.toMinutes()
                    + " min, longer than readyTimeout " + source.readyTimeout().toMinutes() + " min");
        }
        return new FileEvent(entry.name(), FileEvent.Kind.WAITING, null, what);
    }

    /** Downloads, checks for a repeat and imports one complete file; the ledger moves with each step. */
    private FileEvent take(FeedDefinition feed, DropFolder folder, DroppedFile file, FileEntry entry) {
        Download download;
        try {
            download = download(folder, file, workDir.resolve(feed.name()));
        } catch (DropFolderException e) {
            return new FileEvent(file.name(), FileEvent.Kind.ERROR, null, e.getMessage());
        }
        var original = ledger.imported(feed.name(), download.checksum());
        if (original.isPresent()) {
            ledger.duplicate(entry.id(), download.checksum(), original.get());
            deleteQuietly(download.file());
            return new FileEvent(file.name(), FileEvent.Kind.DUPLICATE, original.get().runId(),
                    "same content as " + original.get().name() + ", imported by run " + original.get().runId());
        }
        ledger.importing(entry.id(), download.checksum());
        RunSummary summary;
        try {
            summary = importer.importFile(feed, download.file(), download.checksum());
        } catch (RuntimeException e) {
            // a bad file (empty, unreadable) is the file's failure; the copy stays for `feedimport run`
            ledger.ended(entry.id(), FileState.FAILED, null, Messages.firstLine(e));
            return new FileEvent(file.name(), FileEvent.Kind.FAILED, null, Messages.firstLine(e) + "; local copy " + download.file());
        }
        if (summary.status() == RunStatus.COMPLETED) {
            ledger.ended(entry.id(), FileState.IMPORTED, summary.runId(), null);
            deleteQuietly(download.file());
            return new FileEvent(file.name(), FileEvent.Kind.IMPORTED, summary.runId(), summary.read() + " read, "
                    + summary.skipped() + " skipped, " + summary.persisted() + " persisted, " + summary.unchanged()
                    + " unchanged, " + summary.parked() + " parked");
        }
        if (summary.status() == RunStatus.HELD) {
            // read to its end and its upserts stand: importing it again would hold the same withdrawals again; a
            // person releases or discards them
            ledger.ended(entry.id(), FileState.IMPORTED, summary.runId(), summary.message());
            deleteQuietly(download.file());
            return new FileEvent(file.name(), FileEvent.Kind.IMPORTED, summary.runId(), summary.message());
        }
        ledger.ended(entry.id(), FileState.FAILED, summary.runId(), summary.message());
        return new FileEvent(file.name(), FileEvent.Kind.FAILED, summary.runId(), summary.message()
                + "; retry with: feedimport run " + feed.source() + " --file " + download.file());
    }

    private static Download download(DropFolder folder, DroppedFile file, Path dir) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Download.of(folder, file, dir);
            } catch (DropFolderException e) {
                if (attempt >= DOWNLOAD_ATTEMPTS) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // a leftover download is harmless: the next one replaces it
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DropFolderException("interrupted while retrying a download", e);
        }
    }
}
