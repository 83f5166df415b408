package io.feedimport.withdraw;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.store.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys a snapshot run read (table {@code fi_seen}), written in each chunk's transaction so that they move with
 * the committed position: a resumed run has exactly the keys of the records it committed.
 */
public final class SeenKeys {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public SeenKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dialect = SqlDialect.of(jdbc.getDataSource());
    }

    /** Adds keys; one already there (a key twice in the file, a chunk read again after a kill) is left as it is. */
    public void add(long runId, Collection<String> keyHashes) {
        List<Object[]> rows = new ArrayList<>(keyHashes.size());
        for (String hash : new HashSet<>(keyHashes)) {
            long number = ContentFingerprints.number(hash);
            rows.add(new Object[] {number, runId, number, runId});
        }
        if (!rows.isEmpty()) {
            // one statement for H2 and PostgreSQL; a run has one writer, so nothing inserts between test and insert
            jdbc.batchUpdate("INSERT INTO fi_seen (key_hash, run_id) SELECT CAST(? AS BIGINT), CAST(? AS BIGINT)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM fi_seen WHERE key_hash = ? AND run_id = ?)", rows);
        }
    }

    /** Those of {@code keyHashes} the run read. Called inside a transaction: one page of the target at a time. */
    public Set<String> seen(long runId, List<String> keyHashes) {
        Set<String> seen = new HashSet<>();
        if (keyHashes.isEmpty()) {
            return seen;
        }
        // a plan kept from an empty fi_seen reads every key of the run for each page of the target
        dialect.planForTheValuesGiven(jdbc);
        jdbc.query("SELECT s.key_hash FROM UNNEST(CAST(? AS BIGINT ARRAY)) AS k (key_hash)"
                + " JOIN fi_seen s ON s.key_hash = k.key_hash AND s.run_id = ?", ps -> {
                    ps.setArray(1, FingerprintLedger.numbers(ps, keyHashes));
                    ps.setLong(2, runId);
                }, rs -> {
                    seen.add(ContentFingerprints.text(rs.getLong(1)));
                });
        return seen;
    }

    public void forget(long runId) {
        jdbc.update("DELETE FROM fi_seen WHERE run_id = ?", runId);
    }
}
