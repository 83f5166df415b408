package io.feedimport.store;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;

/**
 * The SQL an {@link EntityStore} sends for one feed's table, built once: the insert and update of whole rows with the
 * SQL type of each parameter, and the reads of existing rows by key.
 */
final class EntityStatements {

    private final String table;
    private final List<String> keyColumns;
    private final String versionColumn;
    private final boolean softDelete;
    private final String insert;
    private final String update;
    private final int[] insertTypes;
    private final int[] updateTypes;

    EntityStatements(FeedDefinition feed) {
        this.table = feed.target().table();
        List<FieldDefinition> keys = feed.target().key().stream().map(name -> feed.field(name).orElseThrow()).toList();
        this.keyColumns = keys.stream().map(FieldDefinition::column).toList();
        this.versionColumn = feed.target().versioned() ? feed.field(feed.target().version()).orElseThrow().column() : null;
        this.softDelete = EntityTable.softDeletes(feed);
        List<String> columns = new ArrayList<>(feed.fields().stream().map(FieldDefinition::column).toList());
        columns.addAll(EntityTable.ENGINE_COLUMNS);
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        // an update revives a withdrawn row: its key is back in the export
        this.update = "UPDATE " + table + " SET " + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + (softDelete ? ", " + EntityTable.WITHDRAWN_AT + " = NULL" : "") + " WHERE " + String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList());
        // explicit SQL types: for a null value the JDBC template would otherwise ask the driver for parameter
        // metadata, which costs PostgreSQL a round trip per statement
        List<Integer> types = new ArrayList<>(feed.fields().stream()
                .map(f -> f.lookup() == null ? f.type().sqlType() : Types.BIGINT).toList());
        types.addAll(List.of(Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE));
        this.insertTypes = types.stream().mapToInt(Integer::intValue).toArray();
        types.addAll(keys.stream().map(key -> key.type().sqlType()).toList());
        this.updateTypes = types.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Parameters: the row's values, then the engine columns. */
    String insert() {
        return insert;
    }

    int[] insertTypes() {
        return insertTypes;
    }

    /** Parameters: as {@link #insert()}, then the key values. */
    String update() {
        return update;
    }

    int[] updateTypes() {
        return updateTypes;
    }

    /**
     * Reads and locks the rows of {@code keys} keys: key columns, then fi_hash, then the version column if any, then
     * withdrawn_at and fi_run_id for a feed that soft-deletes.
     * Ordered, so that two consumers locking overlapping keys take the locks in the same order.
     */
    String lockExisting(int keys, boolean skipLocked) {
        return "SELECT " + String.join(", ", keyColumns) + ", fi_hash" + (versionColumn == null ? "" : ", " + versionColumn)
                + (softDelete ? ", " + EntityTable.WITHDRAWN_AT + ", fi_run_id" : "") + " FROM " + table + " WHERE " + keyCondition(keys) + " ORDER BY " + String.join(", ", keyColumns)
                + " FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : "");
    }

    /** Reads the key columns of the rows of {@code keys} keys without waiting for row locks. */
    String existingKeys(int keys) {
        return "SELECT " + String.join(", ", keyColumns) + " FROM " + table + " WHERE " + keyCondition(keys);
    }

    /**
     * Withdraws one key of a snapshot run, unless a later run wrote the row since. Parameters: for a soft delete, the
     * time, then the run and record numbers, the time, the key values and the run; for a delete, the key values and the
     * run.
     */
    String withdraw() {
        String where = " WHERE " + keyCondition(1) + " AND fi_run_id <= ?";
        return softDelete ? "UPDATE " + table + " SET " + EntityTable.WITHDRAWN_AT + " = ?, fi_run_id = ?, fi_record_no = ?,"
                + " fi_updated_at = ?" + where + " AND " + EntityTable.WITHDRAWN_AT + " IS NULL"
                : "DELETE FROM " + table + where;
    }

    boolean softDelete() {
        return softDelete;
    }

    /** The run that last wrote the row of one key. */
    String writtenBy() {
        return "SELECT fi_run_id FROM " + table + " WHERE " + keyCondition(1);
    }

    private String keyCondition(int keys) {
        return keyColumns.size() == 1
                ? keyColumns.get(0) + " IN (" + String.join(", ", Collections.nCopies(keys, "?")) + ")"
                : String.join(" OR ", Collections.nCopies(keys,
                        "(" + String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList()) + ")"));
    }
}
