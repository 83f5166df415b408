package io.feedimport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** {@code run --json} prints a run's counts for scripts: the same bytes as earlier releases printed. */
class RunSummaryJsonTest {

    @Test
    void aRunPrintsItsCountsInTheirOrderWithWhetherTheyReconcile() {
        RunSummary run = new RunSummary(7, "offers", "in/offers \"1\".xml", RunStatus.COMPLETED, 10, 2, 9, 1, 6, 1, 1, 1,
                1234, OffsetDateTime.parse("2026-12-05T08:00:00Z"), "2 skipped\nsee the report");

        assertThat(run.toJson()).isEqualTo("{\"runId\":7,\"feed\":\"offers\",\"file\":\"in/offers \\\"1\\\".xml\","
                + "\"status\":\"COMPLETED\",\"read\":10,\"skipped\":2,\"published\":9,\"rejected\":1,\"persisted\":6,"
                + "\"unchanged\":1,\"outdated\":1,\"unchangedAtSource\":0,\"parked\":1,\"reconciled\":true,\"durationMs\":1234,"
                + "\"message\":\"2 skipped\\nsee the report\"}");
    }

    @Test
    void aRunWithoutAMessagePrintsNull() {
        RunSummary run = new RunSummary(1, "f", null, RunStatus.FAILED, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);

        assertThat(run.toJson()).endsWith("\"reconciled\":true,\"durationMs\":0,\"message\":null}").contains("\"file\":null");
    }
}
