package io.feedimport.report;

import java.util.List;

import io.feedimport.publish.RecordMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;

/**
 * Records a record the consumer refused for good: a row in the run's skip report with the reason, and REJECTED in
 * the outcome ledger, in one transaction, so the record is counted as skipped exactly once however often it is
 * delivered.
 */
public final class Rejections {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OutcomeLedger ledger;

    public Rejections(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.ledger = ledger;
    }

    /** @param rule what refused it: {@code mapping} or {@code constraint} */
    public boolean reject(RecordMessage message, String rule, String reason) {
        return reject(message, rule, null, null, reason);
    }

    /**
     * @param rule  what refused it: {@code mapping}, {@code lookup} or {@code constraint}
     * @param field the field at fault, or null when it is the record as a whole
     * @param value the field's value as written, or null
     * @return whether this call accounted for the record (false: an earlier delivery already had)
     */
    public boolean reject(RecordMessage message, String rule, String field, String value, String reason) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            RecordOutcome before = ledger.outcome(message.runId(), message.recordNumber());
            if (before != null && before != RecordOutcome.PARKED) {
                return false;
            }
            jdbc.update("DELETE FROM fi_skip WHERE run_id = ? AND record_no = ?", message.runId(), message.recordNumber());
            jdbc.update("INSERT INTO fi_skip (run_id, record_no, seq, feed, file, line, col, record_key, field, rule, bad_value,"
                            + " message) SELECT ?, ?, 0, ?, COALESCE(MAX(file), '?'), ?, 0, ?, ?, ?, ?, ? FROM fi_run WHERE run_id = ?",
                    message.runId(), message.recordNumber(), message.feed(), message.line(), truncate(message.key()),
                    field == null ? "-" : field, rule, truncate(value), "record " + message.recordNumber() + ": " + reason,
                    message.runId());
            ledger.recordAll(List.of(new OutcomeLedger.Entry(message.runId(), message.recordNumber(), RecordOutcome.REJECTED)));
            return true;
        }));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
