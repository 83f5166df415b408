package io.feedimport.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.MessagePayload;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parks a message with its reason and full payload, and records it as PARKED in the outcome ledger, in one
 * transaction, so a parked record is both counted and replayable. A record already accounted for is not parked twice.
 */
public final class JdbcParkingLot implements ParkingLot {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OutcomeLedger ledger;

    public JdbcParkingLot(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.ledger = ledger;
    }

    @Override
    public void park(RecordMessage message, String reason, int attempts) {
        try {
            transaction.executeWithoutResult(status -> {
                if (ledger.contains(message.runId(), message.recordNumber())) {
                    return;
                }
                jdbc.update("INSERT INTO fi_parked (run_id, record_no, feed, line, record_key, attempts, reason, payload, parked_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        message.runId(), message.recordNumber(), message.feed(), message.line(), message.key(), attempts,
                        reason == null ? "unknown" : reason, MessagePayload.toJson(message), OffsetDateTime.now(ZoneOffset.UTC));
                ledger.record(message.runId(), message.recordNumber(), RecordOutcome.PARKED);
            });
        } catch (DuplicateKeyException e) {
            // a concurrent delivery accounted for the record first: it is counted once, which is all we need
        }
    }
}
