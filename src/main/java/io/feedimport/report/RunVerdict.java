package io.feedimport.report;

import java.util.Locale;

/**
 * What a run came to, in one decision for the word people read and the exit code scripts test: a run that completed
 * but parked records, or does not reconcile, needs someone's attention and is not shown as a plain success.
 */
public record RunVerdict(String label, Tone tone) {

    /** How the verdict is shown; the lower-case name is the review page's style class. */
    public enum Tone {
        STARTED, COMPLETED, ATTENTION, FAILED
    }

    public static RunVerdict of(RunSummary run) {
        if (run.status() == RunStatus.HELD) {
            return new RunVerdict(RunStatus.HELD.name(), Tone.ATTENTION);
        }
        if (run.status() != RunStatus.COMPLETED) {
            return new RunVerdict(run.status().name(), run.status() == RunStatus.STARTED ? Tone.STARTED : Tone.FAILED);
        }
        if (run.parked() > 0) {
            return new RunVerdict("COMPLETED WITH " + run.parked() + " PARKED", Tone.ATTENTION);
        }
        if (!run.reconciles()) {
            return new RunVerdict("COMPLETED, NOT RECONCILED", Tone.ATTENTION);
        }
        return new RunVerdict(RunStatus.COMPLETED.name(), Tone.COMPLETED);
    }

    /** Every record is accounted for and none waits for a person: the only verdict a command exits 0 on. */
    public boolean succeeded() {
        return tone == Tone.COMPLETED;
    }

    public String style() {
        return tone.name().toLowerCase(Locale.ROOT);
    }
}
