package io.feedimport.delta;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.store.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fingerprint of each key's content as last committed to the target ({@code fi_fingerprint}). Read a chunk at a
 * time by the importer; written by the consumer inside the transaction that commits the entity, so it never claims
 * content the target does not hold. Between the two, a key whose new content is on its way is marked pending (an
 * empty fingerprint, which no content has): until a consumer commits it, no run takes the old content for current.
 */
public final class FingerprintLedger {

    /** What {@link #stored} gives for a key marked pending; the table holds NULL. */
    static final String PENDING = "";
    /** The key space a snapshot on H2 is read in, one range after another; a power of two. */
    private static final int RANGES = 256;
    /** PostgreSQL's snapshot, one streamed query stopping a row past the most a run may hold. */
    private static final String POSTGRES_SNAPSHOT = "SELECT key_hash, content, run_id FROM fi_fingerprint WHERE feed = ?"
            + " ORDER BY key_hash FETCH FIRST ? ROWS ONLY";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final String upsert;
    private final SqlDialect dialect;
    private volatile String h2PrimaryKey;

    public FingerprintLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dialect = SqlDialect.of(jdbc.getDataSource());
        this.upsert = dialect == SqlDialect.POSTGRESQL
                ? "INSERT INTO fi_fingerprint (key_hash, feed, content, run_id) VALUES (?, ?, ?, ?) ON CONFLICT (key_hash)"
                        + " DO UPDATE SET feed = EXCLUDED.feed, content = EXCLUDED.content, run_id = EXCLUDED.run_id"
                        + " WHERE fi_fingerprint.content IS DISTINCT FROM EXCLUDED.content OR fi_fingerprint.feed <> EXCLUDED.feed"
                : "MERGE INTO fi_fingerprint (key_hash, feed, content, run_id) KEY (key_hash) VALUES (?, ?, ?, ?)";
    }

    /** As {@link #stored(Collection, long)} for a run that committed none of them. */
    public Map<String, String> stored(Collection<String> keyHashes) {
        return stored(keyHashes, 0);
    }

    /**
     * The stored content fingerprints of those of {@code keyHashes} that have one, by key hash; {@link #PENDING} for a
     * key whose new content is on its way, and for one that run {@code runId} committed itself: a run sees its own
     * fingerprints only when it was killed and resumed, and an embedded database killed mid-commit has been seen to
     * keep a fingerprint whose entity row it lost, so the record is sent again rather than trusted. The keys go as
     * one array joined to the table: each is one primary-key read, where an IN list of 500 parameters was compared
     * against every row found as well.
     */
    public Map<String, String> stored(Collection<String> keyHashes, long runId) {
        Map<String, String> found = new HashMap<>(keyHashes.size() * 2);
        if (keyHashes.isEmpty()) {
            return found;
        }
        ownTransaction.executeWithoutResult(status -> {
            dialect.planForTheValuesGiven(jdbc);
            jdbc.query("SELECT f.key_hash, f.content, f.run_id FROM UNNEST(CAST(? AS BIGINT ARRAY)) AS k (key_hash)"
                    + " JOIN fi_fingerprint f ON f.key_hash = k.key_hash", ps -> ps.setArray(1, numbers(ps, keyHashes)), rs -> {
                        String key = ContentFingerprints.text(rs.getLong(1));
                        long content = rs.getLong(2);
                        boolean pending = rs.wasNull();
                        boolean ours = rs.getLong(3) == runId && runId != 0;
                        found.put(key, pending || ours ? PENDING : ContentFingerprints.text(content));
                    });
        });
        return found;
    }

    /**
     * The fingerprints {@code feed} has stored, all in memory, as {@link #stored} would give them one chunk at a time
     * to run {@code runId}; null when the feed has more than {@code maxKeys} of them. A run that holds them asks no
     * query per chunk: a million random primary-key reads cost an embedded database most of an unchanged night.
     */
    public StoredFingerprints snapshot(String feed, long runId, int maxKeys) {
        return ownTransaction.execute(status -> {
            StoredFingerprints.Loader loader = new StoredFingerprints.Loader(maxKeys);
            if (dialect == SqlDialect.POSTGRESQL) {
                // PostgreSQL streams only with a fetch size, inside a transaction
                JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
                streaming.setFetchSize(10_000);
                streaming.query(POSTGRES_SNAPSHOT, (ResultSetExtractor<Boolean>) rs -> load(rs, loader, runId), feed,
                        maxKeys + 1L);
                return loader.snapshot();
            }
            // H2 copies a query's rows aside before handing the first over, to disk past a number of rows, and its lazy
            // execution fails with "Chunk ... not found" (h2database#4142, seen here); through the feed's index each row
            // is a primary-key read. So the key space is read a range at a time along the primary key, in key order: a
            // feed the run may hold fills no range past what H2 keeps in memory
            // (it keeps 40,000 rows a GB of heap; a run holds a key per 128 bytes of it, a range 1/256 of them).
            // 0.9 s for 980,000 keys, against 3.4 s for the whole table in one query (by hand, cold, -Xmx256m)
            String range = "SELECT key_hash, content, run_id FROM fi_fingerprint USE INDEX (" + h2PrimaryKey()
                    + ") WHERE key_hash BETWEEN ? AND ? AND feed = ? ORDER BY key_hash";
            long width = 1L << (Long.SIZE - Integer.numberOfTrailingZeros(RANGES));
            for (long from = Long.MIN_VALUE, ranges = 0; ranges < RANGES; ranges++, from += width) {
                Boolean more = jdbc.query(range, (ResultSetExtractor<Boolean>) rs -> load(rs, loader, runId), from,
                        from + (width - 1), feed);
                if (!Boolean.TRUE.equals(more)) {
                    break;
                }
            }
            return loader.snapshot();
        });
    }

    /** @return false once the loader refused a row: then there is no snapshot to complete */
    private static boolean load(ResultSet rs, StoredFingerprints.Loader loader, long runId) throws SQLException {
        while (rs.next()) {
            long key = rs.getLong(1);
            long content = rs.getLong(2);
            boolean pending = rs.wasNull() || rs.getLong(3) == runId && runId != 0;
            if (!loader.add(key, content, pending)) {
                return false;
            }
        }
        return true;
    }

    /** H2's name of the index fi_fingerprint's primary key made (PRIMARY_KEY_FA, say), quoted; looked up once. */
    private String h2PrimaryKey() {
        String name = h2PrimaryKey;
        if (name == null) {
            name = '"' + jdbc.queryForObject("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA ="
                    + " CURRENT_SCHEMA AND LOWER(TABLE_NAME) = 'fi_fingerprint' AND INDEX_TYPE_NAME = 'PRIMARY KEY'",
                    String.class) + '"';
            h2PrimaryKey = name;
        }
        return name;
    }

    /**
     * Marks keys whose new content is being sent as pending, in a transaction of its own committed at once: the
     * chunk that sends them may roll back after its messages went out, and a consumer that commits one of them must
     * not wait for the chunk's locks. A mark that outlives its message (a parked record) only sends the key again.
     */
    public void markPending(Collection<String> keyHashes) {
        if (!keyHashes.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> {
                dialect.planForTheValuesGiven(jdbc);
                jdbc.update("UPDATE fi_fingerprint SET content = NULL WHERE key_hash = ANY (?) AND content IS NOT NULL",
                        ps -> ps.setArray(1, numbers(ps, keyHashes)));
            });
        }
    }

    /** Stores the content fingerprints of committed records; call inside the transaction that commits them. */
    public void remember(List<Committed> committed) {
        if (!committed.isEmpty()) {
            // one row per key: a batch holding a key twice keeps the later content, as the target does
            Map<String, Committed> last = new LinkedHashMap<>();
            committed.forEach(c -> last.put(c.keyHash(), c));
            jdbc.batchUpdate(upsert, last.values().stream().map(c -> new Object[] {ContentFingerprints.number(c.keyHash()),
                    c.feed(), ContentFingerprints.number(c.content()), c.runId()}).toList());
        }
    }

    /**
     * Forgets keys whose stored content is now unknown (committed by a message without a fingerprint, or mapped under
     * another definition than the importer's); call inside the transaction that commits them. Their next record is sent.
     */
    public void forget(Collection<String> keyHashes) {
        if (!keyHashes.isEmpty()) {
            jdbc.update("DELETE FROM fi_fingerprint WHERE key_hash = ANY (?)", ps -> ps.setArray(1, numbers(ps, keyHashes)));
        }
    }

    /** Forgets every fingerprint a feed stored: its next run sends every record. */
    public int forgetFeed(String feed) {
        return jdbc.update("DELETE FROM fi_fingerprint WHERE feed = ?", feed);
    }

    /** Key hashes as the SQL array of BIGINT the ledgers' statements bind, each once. */
    public static Array numbers(PreparedStatement statement, Collection<String> keyHashes) throws SQLException {
        return statement.getConnection().createArrayOf("BIGINT",
                keyHashes.stream().distinct().map(ContentFingerprints::number).toArray(Long[]::new));
    }

    /** A record whose content was committed: the fingerprint of its key and of its content, and the run it came in. */
    public record Committed(String keyHash, String feed, String content, long runId) {
    }
}
