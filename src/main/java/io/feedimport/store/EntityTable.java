package io.feedimport.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.support.Messages;
import io.feedimport.run.TargetTables;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The target table of a feed, derived from its field types: created when missing, and refused with a clear message
 * when it exists without a column the feed needs (feedimport never alters a table it did not just create).
 */
public final class EntityTable implements TargetTables {

    static final List<String> ENGINE_COLUMNS = List.of("fi_hash", "fi_run_id", "fi_record_no", "fi_updated_at");

    /** When a snapshot feed with {@code withdraw: softDelete} withdrew the row; null while it is live. */
    public static final String WITHDRAWN_AT = "withdrawn_at";

    private final DataSource dataSource;
    private final SqlDialect dialect;

    public EntityTable(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** @throws TargetTableException when the table cannot be created or lacks a column the feed needs */
    @Override
    public void ensure(FeedDefinition feed) {
        try {
            new JdbcTemplate(dataSource).execute(createStatement(feed));
            if (softDeletes(feed)) {
                // a table made before its feed became a snapshot gets the column here: rows with it null are live
                new JdbcTemplate(dataSource).execute("ALTER TABLE " + feed.target().table() + " ADD COLUMN IF NOT EXISTS "
                        + WITHDRAWN_AT + " TIMESTAMP WITH TIME ZONE");
            }
        } catch (DataAccessException e) {
            throw new TargetTableException("cannot create table " + feed.target().table() + " for feed " + feed.name() + ": "
                    + Messages.firstLine(e.getMostSpecificCause()), e);
        }
        Set<String> missing = missingColumns(feed);
        if (!missing.isEmpty()) {
            throw new TargetTableException("table " + feed.target().table() + " exists but lacks column(s) "
                    + String.join(", ", missing) + " that feed " + feed.name() + " needs; add them or import into another table", null);
        }
    }

    String createStatement(FeedDefinition feed) {
        List<String> columns = new ArrayList<>();
        for (FieldDefinition field : feed.fields()) {
            columns.add(field.column() + " " + dialect.columnType(field));
        }
        columns.add("fi_hash VARCHAR(64) NOT NULL");
        columns.add("fi_run_id BIGINT NOT NULL");
        columns.add("fi_record_no BIGINT NOT NULL");
        columns.add("fi_updated_at TIMESTAMP WITH TIME ZONE NOT NULL");
        if (softDeletes(feed)) {
            columns.add(WITHDRAWN_AT + " TIMESTAMP WITH TIME ZONE");
        }
        String key = feed.target().key().stream().map(name -> feed.field(name).orElseThrow().column())
                .collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + feed.target().table() + " (" + String.join(", ", columns)
                + ", PRIMARY KEY (" + key + "))";
    }

    static boolean softDeletes(FeedDefinition feed) {
        return feed.snapshot() != null && feed.snapshot().softDelete();
    }

    private Set<String> missingColumns(FeedDefinition feed) {
        Set<String> needed = new HashSet<>(ENGINE_COLUMNS);
        feed.fields().forEach(field -> needed.add(field.column()));
        try (Connection connection = dataSource.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(),
                     SqlDialect.folded(connection.getMetaData(), feed.target().table()), null)) {
            while (columns.next()) {
                needed.remove(columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect table " + feed.target().table() + ": " + e.getMessage(), e);
        }
        return needed;
    }
}
