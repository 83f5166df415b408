package io.feedimport.reference;

import io.feedimport.feed.LookupDefinition;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.feedimport.feed.LookupDefinition.OnMissing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and creates rows of reference tables (H2 and PostgreSQL): the integer id (BIGINT) stored under a key. A
 * created row is committed in a transaction of its own before its id is returned, even when the caller is inside a
 * transaction, so an id handed out, and cached for every worker, always names a row that exists. Creating, and the
 * checks at a lookup's first use, therefore take a second connection from the pool while a caller's transaction holds
 * one: size the pool above the number of consumer threads.
 */
public final class ReferenceTable {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final ReferenceSchema schema;

    public ReferenceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource(), "the JdbcTemplate needs a DataSource");
        this.newTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.schema = new ReferenceSchema(jdbc, newTransaction);
    }

    private ReferenceTable(JdbcTemplate jdbc, TransactionTemplate newTransaction, ReferenceSchema schema) {
        this.jdbc = jdbc;
        this.newTransaction = newTransaction;
        this.schema = schema;
    }

    /**
     * The same tables with every lookup statement cancelled after the timeout (whole seconds, at least one), as a
     * feed's {@code delivery.timeout} requires: a lookup waiting for a lock fails instead of holding its batch.
     */
    public ReferenceTable withTimeout(Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        JdbcTemplate bounded = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        bounded.setQueryTimeout(seconds);
        TransactionTemplate boundedTransaction = new TransactionTemplate(newTransaction.getTransactionManager(), newTransaction);
        boundedTransaction.setTimeout(seconds);
        return new ReferenceTable(bounded, boundedTransaction, schema);
    }

    /**
     * The id stored under the normalized key; with several rows under one key (possible without a unique index) the
     * smallest, so every worker picks the same one.
     */
    public Optional<Long> find(LookupDefinition lookup, String normalizedKey) {
        schema.prepare(lookup);
        return Optional.ofNullable(select(lookup, normalizedKey));
    }

    /**
     * Inserts a row for the normalized key and returns its id; when a concurrent worker inserted the same key first,
     * returns that row's id instead, so one key never makes two rows. Other integrity violations (a value too long for
     * the column, another NOT NULL column) are thrown as Spring's DataIntegrityViolationException.
     */
    public long create(LookupDefinition lookup, String normalizedKey) {
        return insert(lookup, normalizedKey).id();
    }

    /** The id of the key's row, and whether this call inserted it or lost the race to a concurrent worker. */
    record Insertion(long id, boolean inserted) {
    }

    Insertion insert(LookupDefinition lookup, String normalizedKey) {
        if (lookup.onMissing() != OnMissing.CREATE) {
            throw new IllegalArgumentException("lookup " + lookup.name() + " does not create rows (onMissing: "
                    + lookup.onMissing().name().toLowerCase(Locale.ROOT) + ")");
        }
        schema.prepare(lookup);
        String insert = "INSERT INTO " + lookup.table() + " (" + lookup.keyColumn() + ") VALUES (?)";
        Long id;
        boolean inserted = true;
        try {
            id = newTransaction.execute(status -> {
                jdbc.update(insert, normalizedKey);
                return select(lookup, normalizedKey);
            });
        } catch (DuplicateKeyException raced) {
            // the winner's insert is committed by the time ours fails on the unique index
            inserted = false;
            id = newTransaction.execute(status -> select(lookup, normalizedKey));
        }
        if (id == null) {
            throw new IllegalStateException("lookup " + lookup.name() + ": no id in " + lookup.table() + "."
                    + lookup.valueColumn() + " for a row just created");
        }
        return new Insertion(id, inserted);
    }

    private Long select(LookupDefinition lookup, String key) {
        // MIN: exactly one row back whatever the table holds, null when nothing matches
        return jdbc.queryForObject("SELECT MIN(" + lookup.valueColumn() + ") FROM " + lookup.table() + " WHERE "
                + lookup.keyColumn() + " = ?", Long.class, key);
    }
}
