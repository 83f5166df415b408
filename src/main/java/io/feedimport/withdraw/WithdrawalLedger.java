package io.feedimport.withdraw;

import java.util.List;
import java.util.Optional;

import io.feedimport.report.Withdrawals;
import io.feedimport.support.JsonCodec;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where each snapshot run's withdrawals stand: the list (table {@code fi_withdrawal}) and its state, kept on the run's
 * row of {@code fi_run}. A run's list is written once, so the record numbers its withdrawals travel under never change.
 */
public final class WithdrawalLedger {

    private final JdbcTemplate jdbc;

    public WithdrawalLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's state, or null for a run that listed nothing (yet, or ever: a run that only upserts). */
    public Withdrawals.State state(long runId) {
        String state = jdbc.query("SELECT snapshot FROM fi_run WHERE run_id = ?", rs -> rs.next() ? rs.getString(1) : null,
                runId);
        return state == null ? null : Withdrawals.State.valueOf(state);
    }

    /** How many the run listed, with its state; counts of those sent are the outcome ledger's. */
    public Optional<Withdrawals> find(long runId) {
        return jdbc.query("SELECT snapshot, withdrawals FROM fi_run WHERE run_id = ? AND snapshot IS NOT NULL",
                (rs, n) -> new Withdrawals(Withdrawals.State.valueOf(rs.getString(1)), rs.getLong(2), 0, 0, 0), runId)
                .stream().findFirst();
    }

    void add(long runId, List<Withdrawal> withdrawals) {
        if (!withdrawals.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO fi_withdrawal (run_id, seq, record_key, key_values) VALUES (?, ?, ?, ?)",
                    withdrawals.stream().map(w -> new Object[] {runId, w.seq(), w.key(), JsonCodec.write(w.keyValues())})
                            .toList());
        }
    }

    void listed(long runId, long count) {
        jdbc.update("UPDATE fi_run SET snapshot = ?, withdrawals = ? WHERE run_id = ?", Withdrawals.State.LISTED.name(),
                count, runId);
    }

    void setState(long runId, Withdrawals.State state) {
        jdbc.update("UPDATE fi_run SET snapshot = ? WHERE run_id = ?", state.name(), runId);
    }

    /** Holds the run's withdrawals, keeping why as the run's message. */
    void hold(long runId, String reason) {
        jdbc.update("UPDATE fi_run SET snapshot = ?, message = ? WHERE run_id = ?", Withdrawals.State.HELD.name(), reason,
                runId);
    }

    /** Drops the list of a held run; its count stays, for the record. */
    void discard(long runId) {
        jdbc.update("DELETE FROM fi_withdrawal WHERE run_id = ?", runId);
        setState(runId, Withdrawals.State.DISCARDED);
    }

    /** The run's withdrawals after {@code afterSeq}, in order, at most {@code limit}. */
    public List<Withdrawal> page(long runId, long afterSeq, int limit) {
        return jdbc.query("SELECT seq, record_key, key_values FROM fi_withdrawal WHERE run_id = ? AND seq > ? ORDER BY seq"
                + " FETCH FIRST " + limit + " ROWS ONLY", (rs, n) -> new Withdrawal(rs.getLong(1), rs.getString(2),
                JsonCodec.values(rs.getString(3))), runId, afterSeq);
    }

    /**
     * The records read by the feed's last snapshot run before {@code runId} whose withdrawals were applied: the
     * export the guard compares with. Null when there is none (the feed's first snapshot).
     */
    Long reference(String feed, long runId) {
        return jdbc.query("SELECT read_count FROM fi_run WHERE feed = ? AND run_id < ? AND snapshot IN (?, ?)"
                        + " ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY", rs -> rs.next() ? rs.getLong(1) : null,
                feed, runId, Withdrawals.State.APPLIED.name(), Withdrawals.State.RELEASED.name());
    }

    /** The feed's latest snapshot run after {@code runId} that listed withdrawals, if any. */
    Optional<Long> later(String feed, long runId) {
        return jdbc.query("SELECT run_id FROM fi_run WHERE feed = ? AND run_id > ? AND snapshot IS NOT NULL"
                + " ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY", (rs, n) -> rs.getLong(1), feed, runId).stream().findFirst();
    }

    String feedOf(long runId) {
        return jdbc.query("SELECT feed FROM fi_run WHERE run_id = ?", rs -> rs.next() ? rs.getString(1) : null, runId);
    }

    long readCount(long runId) {
        return jdbc.queryForObject("SELECT read_count FROM fi_run WHERE run_id = ?", Long.class, runId);
    }
}
