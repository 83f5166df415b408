package io.feedimport.transport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.time.ZoneOffset;

import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.RecordMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;
import io.feedimport.support.JsonCodec;
import io.feedimport.support.Where;

/**
 * Parks a message with its reason and full payload, and records it as PARKED in the outcome ledger, in one
 * transaction, so a parked record is both counted and replayable. A record already accounted for otherwise is not parked.
 * A record is counted in the metrics when it is first parked, not again when a replay of it fails again.
 */
public final class JdbcParkingLot implements ParkingLot {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OutcomeLedger ledger;
    private final FeedMetrics metrics;

    public JdbcParkingLot(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger) {
        this(jdbc, transaction, ledger, FeedMetrics.none());
    }

    public JdbcParkingLot(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger, FeedMetrics metrics) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public void park(RecordMessage message, String reason, int attempts) {
        try {
            Boolean parkedFirst = transaction.execute(status -> {
                RecordOutcome before = ledger.outcome(message.runId(), message.recordNumber());
                if (before != null && before != RecordOutcome.PARKED) {
                    return false;
                }
                // a replayed record that fails again is parked again, with its new reason
                jdbc.update("DELETE FROM fi_parked WHERE run_id = ? AND record_no = ?", message.runId(), message.recordNumber());
                jdbc.update("INSERT INTO fi_parked (run_id, record_no, feed, line, record_key, attempts, reason, payload, parked_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        message.runId(), message.recordNumber(), message.feed(), message.line(), message.key(), attempts,
                        reason == null ? "unknown" : reason, JsonCodec.write(message), OffsetDateTime.now(ZoneOffset.UTC));
                if (before == null) {
                    ledger.record(message.runId(), message.recordNumber(), RecordOutcome.PARKED);
                }
                return before == null;
            });
            if (Boolean.TRUE.equals(parkedFirst)) {
                metrics.feed(message.feed()).parked(1);
            }
        } catch (DuplicateKeyException e) {
            // a concurrent delivery accounted for the record first: it is counted once, which is all we need
        }
    }

    /** How many records are parked now, awaiting review or replay: of one run, of one feed, or of all (nulls). */
    public long count(Long runId, String feed) {
        Where where = new Where().and("run_id = ?", runId).and("feed = ?", feed);
        Long parked = jdbc.queryForObject("SELECT COUNT(*) FROM fi_parked" + where.sql(), Long.class, where.args());
        return parked == null ? 0 : parked;
    }

    /** Parked records of a feed, of one run or of all runs (runId null), oldest first. */
    public List<ParkedRecord> list(String feed, Long runId) {
        Where where = new Where().and("feed = ?", feed).and("run_id = ?", runId);
        return jdbc.query(SELECT + where.sql() + " ORDER BY run_id, record_no", (rs, n) -> parked(rs), where.args());
    }

    /** Parked records of one run, of one feed, or of all (nulls), oldest first: {@code limit} of them from {@code offset}. */
    public List<ParkedRecord> page(Long runId, String feed, long offset, int limit) {
        Where where = new Where().and("run_id = ?", runId).and("feed = ?", feed);
        return jdbc.query(SELECT + where.sql() + " ORDER BY run_id, record_no OFFSET " + Math.max(0, offset)
                + " ROWS FETCH FIRST " + limit + " ROWS ONLY", (rs, n) -> parked(rs), where.args());
    }

    public Optional<ParkedRecord> find(long runId, long recordNumber) {
        return jdbc.query(SELECT + " WHERE run_id = ? AND record_no = ?", (rs, n) -> parked(rs), runId, recordNumber)
                .stream().findFirst();
    }

    private static final String SELECT = "SELECT run_id, record_no, feed, line, record_key, attempts, reason, payload, parked_at"
            + " FROM fi_parked";

    private static ParkedRecord parked(ResultSet rs) throws SQLException {
        return new ParkedRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class));
    }

    /** Removes a parked record from review once replayed, unless it was parked again since {@code before}. */
    public void release(ParkedRecord record, OffsetDateTime before) {
        jdbc.update("DELETE FROM fi_parked WHERE run_id = ? AND record_no = ? AND parked_at <= ?",
                record.runId(), record.recordNumber(), before);
    }

    /** Whether the record is parked now, after {@code since}. */
    public boolean parkedSince(long runId, long recordNumber, OffsetDateTime since) {
        Integer found = jdbc.query("SELECT 1 FROM fi_parked WHERE run_id = ? AND record_no = ? AND parked_at > ?",
                rs -> rs.next() ? 1 : null, runId, recordNumber, since);
        return found != null;
    }
}
