package io.feedimport.withdraw;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys a snapshot run read (table {@code fi_seen}), written in each chunk's transaction so that they move with
 * the committed position: a resumed run has exactly the keys of the records it committed.
 */
public final class SeenKeys {

    private final JdbcTemplate jdbc;

    public SeenKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds keys; one already there (a key twice in the file, a chunk read again after a kill) is left as it is. */
    public void add(long runId, Collection<String> keyHashes) {
        List<Object[]> rows = new ArrayList<>(keyHashes.size());
        for (String hash : new HashSet<>(keyHashes)) {
            rows.add(new Object[] {hash, runId, hash, runId});
        }
        if (!rows.isEmpty()) {
            // one statement for H2 and PostgreSQL; a run has one writer, so nothing inserts between test and insert
            jdbc.batchUpdate("INSERT INTO fi_seen (key_hash, run_id) SELECT CAST(? AS VARCHAR(32)), CAST(? AS BIGINT)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM fi_seen WHERE key_hash = ? AND run_id = ?)", rows);
        }
    }

    /** Those of {@code keyHashes} the run read. */
    public Set<String> seen(long runId, List<String> keyHashes) {
        Set<String> seen = new HashSet<>();
        if (keyHashes.isEmpty()) {
            return seen;
        }
        Object[] args = new Object[keyHashes.size() + 1];
        for (int i = 0; i < keyHashes.size(); i++) {
            args[i] = keyHashes.get(i);
        }
        args[keyHashes.size()] = runId;
        jdbc.query("SELECT key_hash FROM fi_seen WHERE key_hash IN (" + String.join(", ",
                java.util.Collections.nCopies(keyHashes.size(), "?")) + ") AND run_id = ?", rs -> {
                    seen.add(rs.getString(1));
                }, args);
        return seen;
    }

    public void forget(long runId) {
        jdbc.update("DELETE FROM fi_seen WHERE run_id = ?", runId);
    }
}
