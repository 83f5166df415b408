package io.feedimport.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.mapping.Row;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts rows of one feed's table by key, idempotently: a row already holding the same content is left alone,
 * and with a version field an older version never overwrites a newer one. Must run inside a transaction;
 * the row is locked between the read and the write.
 */
public final class EntityStore {

    private final JdbcTemplate jdbc;
    private final FieldType versionType;
    private final String select;
    private final String insert;
    private final String update;

    public EntityStore(JdbcTemplate jdbc, FeedDefinition feed) {
        this.jdbc = jdbc;
        List<FieldDefinition> fields = feed.fields();
        String table = feed.target().table();
        String where = String.join(" AND ", feed.target().key().stream()
                .map(name -> feed.field(name).orElseThrow().column() + " = ?").toList());
        String version = feed.target().versioned() ? feed.field(feed.target().version()).orElseThrow().column() : null;
        this.versionType = version == null ? null : feed.field(feed.target().version()).orElseThrow().type();
        this.select = "SELECT fi_hash" + (version == null ? "" : ", " + version) + " FROM " + table + " WHERE " + where + " FOR UPDATE";
        List<String> columns = new ArrayList<>(fields.stream().map(FieldDefinition::column).toList());
        columns.addAll(EntityTable.ENGINE_COLUMNS);
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        this.update = "UPDATE " + table + " SET " + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + " WHERE " + where;
    }

    public StoreResult upsert(Row row, long runId, long recordNumber) {
        Object[] key = Arrays.stream(row.keyColumns()).mapToObj(i -> row.values()[i]).toArray();
        List<Object[]> existing = jdbc.query(select, (rs, n) -> current(rs), key);
        if (existing.isEmpty()) {
            jdbc.update(insert, withEngineColumns(row, runId, recordNumber, new Object[0]));
            return StoreResult.INSERTED;
        }
        Object[] current = existing.get(0);
        if (row.hash().equals(current[0])) {
            return StoreResult.UNCHANGED;
        }
        if (versionType != null && current[1] != null && Versions.compare(row.version(), current[1]) < 0) {
            return StoreResult.OUTDATED;
        }
        jdbc.update(update, withEngineColumns(row, runId, recordNumber, key));
        return StoreResult.UPDATED;
    }

    private Object[] current(ResultSet rs) throws SQLException {
        Object version = versionType == null ? null : rs.getObject(2, Versions.javaType(versionType));
        return new Object[] {rs.getString(1), version};
    }

    private static Object[] withEngineColumns(Row row, long runId, long recordNumber, Object[] trailing) {
        Object[] values = row.values();
        Object[] args = Arrays.copyOf(values, values.length + 4 + trailing.length);
        args[values.length] = row.hash();
        args[values.length + 1] = runId;
        args[values.length + 2] = recordNumber;
        args[values.length + 3] = OffsetDateTime.now(ZoneOffset.UTC);
        System.arraycopy(trailing, 0, args, values.length + 4, trailing.length);
        return args;
    }

}
