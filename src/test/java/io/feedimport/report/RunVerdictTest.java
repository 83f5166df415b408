package io.feedimport.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunVerdictTest {

    static RunSummary run(RunStatus status, long read, long skipped, long persisted, long parked) {
        return new RunSummary(7, "offers", "offers.xml", status, read, skipped, read - skipped, 0, persisted, 0, 0, parked, 100,
                null, null);
    }

    @Test
    void aCompletedRunThatAccountsForEveryRecordIsTheOnlySuccess() {
        RunVerdict verdict = run(RunStatus.COMPLETED, 300, 15, 285, 0).verdict();

        assertThat(verdict.label()).isEqualTo("COMPLETED");
        assertThat(verdict.succeeded()).isTrue();
        assertThat(verdict.style()).isEqualTo("completed");
    }

    @Test
    void aCompletedRunThatParkedRecordsSaysHowManyAndIsNotASuccess() {
        RunVerdict verdict = run(RunStatus.COMPLETED, 300, 15, 282, 3).verdict();

        assertThat(verdict.label()).isEqualTo("COMPLETED WITH 3 PARKED");
        assertThat(verdict.succeeded()).isFalse();
        assertThat(verdict.style()).isEqualTo("attention");
    }

    @Test
    void aCompletedRunThatDoesNotReconcileSaysSoAndIsNotASuccess() {
        RunVerdict verdict = run(RunStatus.COMPLETED, 300, 15, 280, 0).verdict();

        assertThat(verdict.label()).isEqualTo("COMPLETED, NOT RECONCILED");
        assertThat(verdict.succeeded()).isFalse();
    }

    @Test
    void failedAndRunningRunsKeepTheirStatus() {
        assertThat(run(RunStatus.FAILED, 300, 15, 0, 0).verdict()).isEqualTo(new RunVerdict("FAILED", RunVerdict.Tone.FAILED));
        assertThat(run(RunStatus.STARTED, 300, 15, 0, 0).verdict()).isEqualTo(new RunVerdict("STARTED", RunVerdict.Tone.STARTED));
    }
}
