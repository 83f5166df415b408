package io.feedimport.cli;

import java.io.PrintStream;
import java.util.Locale;

import io.feedimport.run.RunProgress;

/** Shows on stderr which run is going and, every few seconds, how far it got; stdout stays for the summary. */
final class ProgressPrinter implements RunProgress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private long startedAt;
    private long firstRecord;
    private long lastPrinted;

    ProgressPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(long runId, long resumedAfter) {
        startedAt = System.nanoTime();
        lastPrinted = startedAt;
        firstRecord = resumedAfter;
        err.printf(Locale.ROOT, resumedAfter > 0 ? "feedimport: resuming run %d after record %,d%n" : "feedimport: run %d started%n",
                runId, resumedAfter);
    }

    @Override
    public void handedOver(long runId, long recordNumber) {
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            double rate = (recordNumber - firstRecord) / ((now - startedAt) / 1e9);
            err.printf(Locale.ROOT, "feedimport: run %d at record %,d (%,.0f records/s)%n", runId, recordNumber, rate);
        }
    }
}
