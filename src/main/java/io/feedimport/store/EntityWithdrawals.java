package io.feedimport.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Withdraws keys of a snapshot feed's table: sets {@code withdrawn_at} ({@code withdraw: softDelete}) or deletes the
 * row ({@code delete}). Idempotent, and a withdrawal never undoes a later run: a row written by a run after the
 * withdrawal's own is kept. Must run inside a transaction.
 */
public final class EntityWithdrawals {

    private final JdbcTemplate jdbc;
    private final EntityStatements sql;

    public EntityWithdrawals(JdbcTemplate jdbc, FeedDefinition feed) {
        this.jdbc = jdbc;
        this.sql = new EntityStatements(feed);
    }

    /** @return for each withdrawal, in order: true when its key is withdrawn now, false when a later run's row stays */
    public List<Boolean> withdrawAll(List<Withdraw> withdrawals) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> args = new ArrayList<>(withdrawals.size());
        for (Withdraw withdraw : withdrawals) {
            Object[] key = withdraw.key();
            Object[] row = sql.softDelete()
                    ? new Object[] {now, withdraw.runId(), withdraw.recordNumber(), now}
                    : new Object[0];
            row = Arrays.copyOf(row, row.length + key.length + 1);
            System.arraycopy(key, 0, row, row.length - key.length - 1, key.length);
            row[row.length - 1] = withdraw.runId();
            args.add(row);
        }
        int[] changed = jdbc.batchUpdate(sql.withdraw(), args);
        List<Boolean> withdrawn = new ArrayList<>(withdrawals.size());
        for (int i = 0; i < withdrawals.size(); i++) {
            // nothing changed: already withdrawn or gone (a redelivery), or written by a later run since
            withdrawn.add(changed[i] != 0 || !writtenLater(withdrawals.get(i)));
        }
        return withdrawn;
    }

    private boolean writtenLater(Withdraw withdraw) {
        List<Long> writers = jdbc.queryForList(sql.writtenBy(), Long.class, withdraw.key());
        return !writers.isEmpty() && writers.get(0) > withdraw.runId();
    }

    /** The typed key values of one withdrawal, and the run and number it travels under. */
    public record Withdraw(Object[] key, long runId, long recordNumber) {
    }

}
