package io.feedimport.run;

/** Hears how a run advances, e.g. to show progress on a long file; called from the thread that runs the import. */
public interface RunProgress {

    RunProgress NONE = new RunProgress() {
    };

    /** The run has an id; {@code resumedAfter} is the number of records an earlier attempt already committed. */
    default void started(long runId, long resumedAfter) {
    }

    /** Every record up to {@code recordNumber} is read, validated and handed over. */
    default void handedOver(long runId, long recordNumber) {
    }
}
