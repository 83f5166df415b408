package io.feedimport.store;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per published record of a run, written in the same transaction as the entity. It is what makes
 * consumers idempotent (a redelivered record finds its row and is acknowledged) and what the run's counts are
 * computed from, so a count can never include a record twice.
 */
public final class OutcomeLedger {

    private final JdbcTemplate jdbc;

    public OutcomeLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(long runId, long recordNumber) {
        Integer found = jdbc.query("SELECT 1 FROM fi_outcome WHERE run_id = ? AND record_no = ?",
                rs -> rs.next() ? 1 : null, runId, recordNumber);
        return found != null;
    }

    /** Fails with a duplicate-key error when a concurrent delivery recorded the record first. */
    public void record(long runId, long recordNumber, RecordOutcome outcome) {
        jdbc.update("INSERT INTO fi_outcome (run_id, record_no, outcome) VALUES (?, ?, ?)", runId, recordNumber, outcome.name());
    }

    /** Counts outcomes of records up to {@code lastRecord}: records past it belong to a chunk that did not commit. */
    public Map<RecordOutcome, Long> counts(long runId, long lastRecord) {
        Map<RecordOutcome, Long> counts = new EnumMap<>(RecordOutcome.class);
        for (RecordOutcome outcome : RecordOutcome.values()) {
            counts.put(outcome, 0L);
        }
        jdbc.query("SELECT outcome, COUNT(*) FROM fi_outcome WHERE run_id = ? AND record_no <= ? GROUP BY outcome",
                rs -> {
                    counts.put(RecordOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                }, runId, lastRecord);
        return counts;
    }
}
