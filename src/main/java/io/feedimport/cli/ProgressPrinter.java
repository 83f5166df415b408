package io.feedimport.cli;

import java.io.PrintStream;
import java.util.Locale;

import io.feedimport.run.RunProgress;

/**
 * Shows on stderr how a run goes, stdout staying for the summary. On a terminal: a bar redrawn in place (share of
 * the file read, records/s, time left, records skipped so far). Elsewhere (cron, CI, a log file): a plain line every
 * few seconds, since carriage returns make a mess of logs.
 */
final class ProgressPrinter implements RunProgress {

    private static final long LINE_EVERY_NANOS = 2_000_000_000L;
    private static final long BAR_EVERY_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private final boolean terminal;
    private long runId;
    private long fileBytes;
    private long startedAt;
    private long firstRecord;
    private long firstByte;
    private boolean resumedBySeek;
    private long lastPrinted;
    private int barLength;

    /** @param terminal whether stderr is a person's terminal rather than a log */
    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(long runId, long resumedAfter, long fileBytes) {
        this.runId = runId;
        this.fileBytes = fileBytes;
        startedAt = System.nanoTime();
        lastPrinted = startedAt;
        firstRecord = resumedAfter;
        firstByte = 0;
        resumedBySeek = false;
        err.printf(Locale.ROOT, resumedAfter > 0 ? "feedimport: resuming run %d after record %,d%n" : "feedimport: run %d started%n",
                runId, resumedAfter);
    }

    /** Said once, and the first records after it shown at once: the proof that the resume did not re-read the file. */
    @Override
    public void resumedAt(long recordNumber, long byteOffset) {
        firstByte = byteOffset;
        resumedBySeek = true;
        err.printf(Locale.ROOT, "feedimport: resumed at byte offset %,d, record %,d, without re-reading the records before it%n",
                byteOffset, recordNumber);
    }

    @Override
    public void handedOver(long runId, long recordNumber, long skipped, long bytesRead) {
        long now = System.nanoTime();
        boolean firstAfterSeek = resumedBySeek && lastPrinted == startedAt;
        if (now - lastPrinted < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS) && !firstAfterSeek) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - startedAt) / 1e9;
        Progress progress = new Progress(recordNumber, skipped, (recordNumber - firstRecord) / seconds, bytesRead,
                // a run resumed by seeking read only the bytes after its resume point; one resumed otherwise re-read
                // the file from its start, so every byte so far was work of this process
                fileBytes, bytesRead < 0 ? -1 : (bytesRead - firstByte) / seconds);
        if (terminal) {
            String bar = progress.bar(runId);
            err.print("\r" + bar + " ".repeat(Math.max(0, barLength - bar.length())));
            barLength = bar.length();
        } else {
            err.println("feedimport: " + progress.line(runId));
        }
    }

    /** Ends the bar's line, so what follows starts on a line of its own. */
    void finish() {
        if (barLength > 0) {
            err.println();
            barLength = 0;
        }
    }

    /** How far a run got, in words: for a log line or a terminal bar. */
    record Progress(long records, long skipped, double recordsPerSecond, long bytesRead, long fileBytes,
                    double bytesPerSecond) {

        String line(long runId) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "run %d at record %,d (%,.0f records/s",
                    runId, records, recordsPerSecond));
            if (knowsBytes()) {
                text.append(String.format(Locale.ROOT, ", %d%% of %.1f MB", percent(), fileBytes / 1e6));
                eta().ifPresent(eta -> text.append(", ETA ").append(eta));
            }
            return text.append(String.format(Locale.ROOT, ", %,d skipped)", skipped)).toString();
        }

        String bar(long runId) {
            if (!knowsBytes()) {
                return String.format(Locale.ROOT, "run %d  %,d records  %,.0f records/s  %,d skipped", runId, records,
                        recordsPerSecond, skipped);
            }
            int filled = (int) (BAR_WIDTH * Math.min(1.0, (double) bytesRead / fileBytes));
            return String.format(Locale.ROOT, "run %d [%s%s] %3d%%  %.1f/%.1f MB  %,.0f records/s  ETA %s  %,d skipped",
                    runId, "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), percent(), bytesRead / 1e6, fileBytes / 1e6,
                    recordsPerSecond, eta().orElse("?"), skipped);
        }

        private boolean knowsBytes() {
            return bytesRead >= 0 && fileBytes > 0;
        }

        private int percent() {
            return (int) Math.min(100, 100 * bytesRead / fileBytes);
        }

        /** m:ss (or h:mm:ss) left at the byte rate so far; empty until a rate is known. */
        private java.util.Optional<String> eta() {
            if (bytesPerSecond <= 0) {
                return java.util.Optional.empty();
            }
            long left = Math.round(Math.max(0, fileBytes - bytesRead) / bytesPerSecond);
            return java.util.Optional.of(left >= 3600
                    ? String.format(Locale.ROOT, "%d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
                    : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60));
        }
    }
}
