package io.feedimport.schedule;

import java.util.List;
import java.util.stream.Collectors;

import io.feedimport.source.FileEvent;

/**
 * How one pick-up ended: the events of its last pass, or that it did not happen because the feed was busy.
 *
 * @param outcome IMPORTED (at least one file), FAILED (an import failed), ERROR (the folder or a download failed),
 *                WAITING (files not complete yet), NO_FILE, or SKIPPED (locked elsewhere)
 */
public record PickupResult(String feed, String outcome, List<FileEvent> events, String summary) {

    static PickupResult skipped(String feed, String why) {
        return new PickupResult(feed, "SKIPPED", List.of(), why);
    }

    static PickupResult of(String feed, List<FileEvent> events) {
        String outcome = has(events, FileEvent.Kind.FAILED) ? "FAILED"
                : has(events, FileEvent.Kind.ERROR) ? "ERROR"
                : has(events, FileEvent.Kind.IMPORTED) ? "IMPORTED"
                : has(events, FileEvent.Kind.WAITING) || has(events, FileEvent.Kind.STALLED) ? "WAITING"
                : "NO_FILE";
        String summary = events.stream().map(e -> (e.file() == null ? "" : e.file() + ": ")
                + e.kind().name().toLowerCase(java.util.Locale.ROOT) + (e.detail() == null ? "" : " (" + e.detail() + ")"))
                .collect(Collectors.joining("; "));
        return new PickupResult(feed, outcome, List.copyOf(events), summary);
    }

    /** Whether the folder or a download failed: the next poll of the feed backs off. */
    public boolean troubled() {
        return outcome.equals("ERROR");
    }

    private static boolean has(List<FileEvent> events, FileEvent.Kind kind) {
        return events.stream().anyMatch(e -> e.kind() == kind);
    }
}
