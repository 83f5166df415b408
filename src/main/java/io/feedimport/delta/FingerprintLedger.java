package io.feedimport.delta;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
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

    static final String PENDING = "";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final String upsert;

    public FingerprintLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.upsert = postgres(jdbc.getDataSource())
                ? "INSERT INTO fi_fingerprint (key_hash, feed, content) VALUES (?, ?, ?) ON CONFLICT (key_hash)"
                        + " DO UPDATE SET feed = EXCLUDED.feed, content = EXCLUDED.content"
                        + " WHERE fi_fingerprint.content <> EXCLUDED.content OR fi_fingerprint.feed <> EXCLUDED.feed"
                : "MERGE INTO fi_fingerprint (key_hash, feed, content) KEY (key_hash) VALUES (?, ?, ?)";
    }

    /** The stored content fingerprints of those of {@code keyHashes} that have one, by key hash. */
    public Map<String, String> stored(Collection<String> keyHashes) {
        Map<String, String> found = new HashMap<>(keyHashes.size() * 2);
        if (keyHashes.isEmpty()) {
            return found;
        }
        List<String> distinct = keyHashes.stream().distinct().toList();
        jdbc.query("SELECT key_hash, content FROM fi_fingerprint WHERE key_hash IN (" + marks(distinct.size()) + ")",
                rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                }, distinct.toArray());
        return found;
    }

    /**
     * Marks keys whose new content is being sent as pending, in a transaction of its own committed at once: the
     * chunk that sends them may roll back after its messages went out, and a consumer that commits one of them must
     * not wait for the chunk's locks. A mark that outlives its message (a parked record) only sends the key again.
     */
    public void markPending(Collection<String> keyHashes) {
        if (!keyHashes.isEmpty()) {
            List<String> distinct = keyHashes.stream().distinct().toList();
            ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE fi_fingerprint SET content = ? WHERE key_hash IN ("
                    + marks(distinct.size()) + ") AND content <> ?", args(PENDING, distinct, PENDING)));
        }
    }

    /** Stores the content fingerprints of committed records; call inside the transaction that commits them. */
    public void remember(List<Committed> committed) {
        if (!committed.isEmpty()) {
            // one row per key: a batch holding a key twice keeps the later content, as the target does
            Map<String, Committed> last = new LinkedHashMap<>();
            committed.forEach(c -> last.put(c.keyHash(), c));
            jdbc.batchUpdate(upsert, last.values().stream()
                    .map(c -> new Object[] {c.keyHash(), c.feed(), c.content()}).toList());
        }
    }

    /**
     * Forgets keys whose stored content is now unknown (committed by a message without a fingerprint, or mapped under
     * another definition than the importer's); call inside the transaction that commits them. Their next record is sent.
     */
    public void forget(Collection<String> keyHashes) {
        if (!keyHashes.isEmpty()) {
            List<String> distinct = keyHashes.stream().distinct().toList();
            jdbc.update("DELETE FROM fi_fingerprint WHERE key_hash IN (" + marks(distinct.size()) + ")", distinct.toArray());
        }
    }

    /** Forgets every fingerprint a feed stored: its next run sends every record. */
    public int forgetFeed(String feed) {
        return jdbc.update("DELETE FROM fi_fingerprint WHERE feed = ?", feed);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Object[] args(String first, List<String> middle, String last) {
        Object[] args = new Object[middle.size() + 2];
        args[0] = first;
        for (int i = 0; i < middle.size(); i++) {
            args[i + 1] = middle.get(i);
        }
        args[args.length - 1] = last;
        return args;
    }

    private static boolean postgres(javax.sql.DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    /** A record whose content was committed: the fingerprint of its key and of its content. */
    public record Committed(String keyHash, String feed, String content) {
    }
}
