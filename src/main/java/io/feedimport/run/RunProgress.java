package io.feedimport.run;

/** Hears how a run advances, e.g. to show progress on a long file; called from the thread that runs the import. */
public interface RunProgress {

    RunProgress NONE = new RunProgress() {
    };

    /**
     * The run has an id; {@code resumedAfter} is the number of records an earlier attempt already committed, and
     * {@code fileBytes} the size of the file.
     */
    default void started(long runId, long resumedAfter, long fileBytes) {
    }

    /**
     * A resumed run's reader went straight to where record {@code recordNumber} starts, {@code byteOffset} bytes into
     * the file, instead of parsing every record before it; called after {@link #started}.
     */
    default void resumedAt(long recordNumber, long byteOffset) {
    }

    /**
     * Every record up to {@code recordNumber} is read, validated and handed over, {@code skipped} of them invalid;
     * {@code bytesRead} is how far the reader got into the file, or -1 when it cannot tell (spreadsheets).
     */
    default void handedOver(long runId, long recordNumber, long skipped, long bytesRead) {
    }
}
