package io.feedimport.delta;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fingerprint of each key's content as last committed to the target, per feed ({@code fi_fingerprint}). Read a
 * chunk at a time by the importer; written by the consumer inside the transaction that commits the entity, so it
 * never claims content the target does not hold.
 */
public final class FingerprintLedger {

    private final JdbcTemplate jdbc;
    private final String upsert;

    public FingerprintLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.upsert = postgres(jdbc.getDataSource())
                ? "INSERT INTO fi_fingerprint (key_hash, feed, content) VALUES (?, ?, ?)"
                        + " ON CONFLICT (key_hash) DO UPDATE SET feed = EXCLUDED.feed, content = EXCLUDED.content"
                : "MERGE INTO fi_fingerprint (key_hash, feed, content) KEY (key_hash) VALUES (?, ?, ?)";
    }

    /** The stored content fingerprints of those of {@code keyHashes} that have one, by key hash. */
    public Map<String, String> stored(Collection<String> keyHashes) {
        Map<String, String> found = new HashMap<>(keyHashes.size() * 2);
        if (keyHashes.isEmpty()) {
            return found;
        }
        List<String> distinct = keyHashes.stream().distinct().toList();
        String marks = String.join(", ", java.util.Collections.nCopies(distinct.size(), "?"));
        jdbc.query("SELECT key_hash, content FROM fi_fingerprint WHERE key_hash IN (" + marks + ")",
                rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                }, distinct.toArray());
        return found;
    }

    /** Stores the content fingerprints of committed records; call inside the transaction that commits them. */
    public void remember(List<Committed> committed) {
        if (!committed.isEmpty()) {
            // one row per key: a batch holding a key twice keeps the later content, as the target does
            Map<String, Committed> last = new java.util.LinkedHashMap<>();
            committed.forEach(c -> last.put(c.keyHash(), c));
            jdbc.batchUpdate(upsert, last.values().stream()
                    .map(c -> new Object[] {c.keyHash(), c.feed(), c.content()}).toList());
        }
    }

    /** Forgets every fingerprint of a feed: its next run sends every record. */
    public int forget(String feed) {
        return jdbc.update("DELETE FROM fi_fingerprint WHERE feed = ?", feed);
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
