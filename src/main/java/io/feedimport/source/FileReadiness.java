package io.feedimport.source;

import java.time.Duration;

import io.feedimport.feed.SourceDefinition;
import io.feedimport.source.FileEntry;

/**
 * Decides whether a file seen in a drop folder is complete and may be taken. With markers: when its marker is there.
 * Otherwise the file must not be empty, and either two polls at least {@link #SETTLE} apart saw the same size and
 * time, or its modification time lies further back than the feed's quiet period ({@code stableAfter}) at this poll,
 * so one pass from cron takes a file finished long ago. The quiet period is only trusted with an exact time: an FTP
 * server's LIST gives minutes in its own time zone, which can make a file being written look hours old.
 */
record FileReadiness(SourceDefinition source) {

    /**
     * The least time between two polls that saw a file unchanged: an upload that has just begun, or whose writes the
     * server still buffers, looks unchanged over two polls in quick succession (two `feedimport poll` in a row).
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /**
     * @param entry     the file as this poll saw it; its {@code updatedAt} is the time of this poll
     * @param marker    whether the file's marker is in the folder
     * @param exactTime whether the folder gave the modification time exactly, in UTC
     */
    boolean ready(FileEntry entry, boolean marker, boolean exactTime) {
        if (source.ready() == SourceDefinition.Readiness.MARKER) {
            return marker;
        }
        return entry.size() > 0 && (settled(entry) || quiet(entry, exactTime));
    }

    /** Why a file that is not ready is still waiting, for `poll`, `files` and the stalled report. */
    String waitingFor(FileEntry entry) {
        if (source.ready() == SourceDefinition.Readiness.MARKER) {
            return "without its marker " + entry.name() + source.marker();
        }
        return entry.size() == 0 ? "empty so far"
                : entry.polls() < 2 ? "new or changed since the last poll (" + entry.size() + " bytes)"
                : "unchanged for less than " + SETTLE.toSeconds() + "s";
    }

    private static boolean settled(FileEntry entry) {
        return entry.polls() >= 2 && Duration.between(entry.unchangedSince(), entry.updatedAt()).compareTo(SETTLE) >= 0;
    }

    /** A time in the future (another machine's clock) is never quiet: the file waits for two polls instead. */
    private boolean quiet(FileEntry entry, boolean exactTime) {
        Duration stableAfter = source.stableAfter();
        return exactTime && stableAfter != null
                && Duration.between(entry.modified(), entry.updatedAt()).compareTo(stableAfter) >= 0;
    }
}
