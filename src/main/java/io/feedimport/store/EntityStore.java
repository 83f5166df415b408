package io.feedimport.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.mapping.Row;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts rows of one feed's table by key, idempotently and a batch at a time: a row already holding the same content
 * is left alone, and with a version field an older version never overwrites a newer one. One batch costs one locking
 * read and one batched write per kind (insert, update), not a round trip per record. Must run inside a transaction;
 * the rows read are locked until it ends, so concurrent consumers of the same keys serialise or fail and retry.
 */
public final class EntityStore {

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> keyColumns;
    private final List<FieldType> keyTypes;
    private final FieldType versionType;
    private final String versionColumn;
    private final String insert;
    private final String update;
    private final int[] insertTypes;
    private final int[] updateTypes;

    public EntityStore(JdbcTemplate jdbc, FeedDefinition feed) {
        this.jdbc = jdbc;
        this.table = feed.target().table();
        List<FieldDefinition> keys = feed.target().key().stream().map(name -> feed.field(name).orElseThrow()).toList();
        this.keyColumns = keys.stream().map(FieldDefinition::column).toList();
        this.keyTypes = keys.stream().map(FieldDefinition::type).toList();
        FieldDefinition version = feed.target().versioned() ? feed.field(feed.target().version()).orElseThrow() : null;
        this.versionColumn = version == null ? null : version.column();
        this.versionType = version == null ? null : version.type();
        List<String> columns = new ArrayList<>(feed.fields().stream().map(FieldDefinition::column).toList());
        columns.addAll(EntityTable.ENGINE_COLUMNS);
        String where = String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList());
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        this.update = "UPDATE " + table + " SET " + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + " WHERE " + where;
        // explicit SQL types: for a null value the JDBC template would otherwise ask the driver for parameter
        // metadata, which costs PostgreSQL a round trip per statement
        List<Integer> types = new ArrayList<>(feed.fields().stream()
                .map(f -> f.lookup() == null ? sqlType(f.type()) : Types.BIGINT).toList());
        types.addAll(List.of(Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE));
        this.insertTypes = types.stream().mapToInt(Integer::intValue).toArray();
        types.addAll(keyTypes.stream().map(EntityStore::sqlType).toList());
        this.updateTypes = types.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int sqlType(FieldType type) {
        return switch (type) {
            case STRING, ENUM -> Types.VARCHAR;
            case INTEGER -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case DATETIME -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }

    /** One row, as {@link #upsertAll} does it for many. */
    public StoreResult upsert(Row row, long runId, long recordNumber) {
        return upsertAll(List.of(new Upsert(row, runId, recordNumber))).get(0);
    }

    /**
     * Applies the rows in list order, as if one at a time: two versions of one entity in the same batch end as the
     * newer one, and each row gets its own result. Only the final state of each key is written.
     */
    public List<StoreResult> upsertAll(List<Upsert> upserts) {
        return upsert(upserts, false);
    }

    /**
     * As {@link #upsertAll}, but without waiting for rows that other transactions hold locked: those rows are left
     * alone and their results are null, for the caller to store on their own. So one locked row does not hold up the
     * batch, and the wait for it, bounded by the timeout, is spent on that record alone.
     */
    public List<StoreResult> upsertUnlocked(List<Upsert> upserts) {
        return upsert(upserts, true);
    }

    private List<StoreResult> upsert(List<Upsert> upserts, boolean skipLocked) {
        Map<List<Object>, Object[]> existing = lockExisting(upserts, skipLocked);
        Set<List<Object>> busy = skipLocked ? heldElsewhere(upserts, existing.keySet()) : Set.of();
        Map<List<Object>, Upsert> inserts = new LinkedHashMap<>();
        Map<List<Object>, Upsert> updates = new LinkedHashMap<>();
        Map<List<Object>, Object[]> current = new HashMap<>(existing);
        List<StoreResult> results = new ArrayList<>(upserts.size());
        for (Upsert upsert : upserts) {
            List<Object> key = keyOf(upsert.row());
            Object[] stored = current.get(key);
            StoreResult result;
            if (busy.contains(key)) {
                results.add(null);
                continue;
            }
            if (stored == null) {
                result = StoreResult.INSERTED;
            } else if (upsert.row().hash().equals(stored[0])) {
                result = StoreResult.UNCHANGED;
            } else if (versionType != null && stored[1] != null && upsert.row().version() != null
                    && Versions.compare(upsert.row().version(), stored[1]) < 0) {
                result = StoreResult.OUTDATED;
            } else {
                result = StoreResult.UPDATED;
            }
            if (result == StoreResult.INSERTED || result == StoreResult.UPDATED) {
                current.put(key, new Object[] {upsert.row().hash(), upsert.row().version()});
                (existing.containsKey(key) ? updates : inserts).put(key, upsert);
            }
            results.add(result);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(insert, inserts.values().stream().map(u -> withEngineColumns(u, new Object[0])).toList(), insertTypes);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(update, updates.entrySet().stream()
                    .map(e -> withEngineColumns(e.getValue(), keyValues(e.getValue().row()))).toList(), updateTypes);
        }
        return results;
    }

    private Map<List<Object>, Object[]> lockExisting(List<Upsert> upserts, boolean skipLocked) {
        List<List<Object>> keys = upserts.stream().map(u -> keyOf(u.row())).distinct().toList();
        // ordered, so that two consumers locking overlapping keys take the locks in the same order
        String select = "SELECT " + String.join(", ", keyColumns) + ", fi_hash" + (versionColumn == null ? "" : ", " + versionColumn)
                + " FROM " + table + " WHERE " + keyCondition(keys.size()) + " ORDER BY " + String.join(", ", keyColumns)
                + " FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : "");
        Map<List<Object>, Object[]> found = new HashMap<>();
        jdbc.query(select, rs -> {
            found.put(keyOf(rs), current(rs));
        }, keys.stream().flatMap(List::stream).toArray());
        return found;
    }

    /** Of the keys the locking read did not return, those whose rows exist: another transaction holds them. */
    private Set<List<Object>> heldElsewhere(List<Upsert> upserts, Set<List<Object>> locked) {
        List<List<Object>> missing = upserts.stream().map(u -> keyOf(u.row())).distinct()
                .filter(key -> !locked.contains(key)).toList();
        if (missing.isEmpty()) {
            return Set.of();
        }
        // a plain read does not wait for row locks
        Set<List<Object>> held = new HashSet<>();
        jdbc.query("SELECT " + String.join(", ", keyColumns) + " FROM " + table + " WHERE " + keyCondition(missing.size()),
                rs -> {
                    held.add(keyOf(rs));
                }, missing.stream().flatMap(List::stream).toArray());
        return held;
    }

    private String keyCondition(int keys) {
        return keyColumns.size() == 1
                ? keyColumns.get(0) + " IN (" + String.join(", ", Collections.nCopies(keys, "?")) + ")"
                : String.join(" OR ", Collections.nCopies(keys,
                        "(" + String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList()) + ")"));
    }

    private static Object[] keyValues(Row row) {
        return Arrays.stream(row.keyColumns()).mapToObj(i -> row.values()[i]).toArray();
    }

    private List<Object> keyOf(Row row) {
        List<Object> key = new ArrayList<>(row.keyColumns().length);
        for (int column : row.keyColumns()) {
            key.add(Versions.comparable(row.values()[column]));
        }
        return key;
    }

    private List<Object> keyOf(ResultSet rs) throws SQLException {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            key.add(Versions.comparable(rs.getObject(i + 1, Versions.javaType(keyTypes.get(i)))));
        }
        return key;
    }

    private Object[] current(ResultSet rs) throws SQLException {
        int hashColumn = keyColumns.size() + 1;
        Object version = versionType == null ? null : rs.getObject(hashColumn + 1, Versions.javaType(versionType));
        return new Object[] {rs.getString(hashColumn), version};
    }

    private static Object[] withEngineColumns(Upsert upsert, Object[] trailing) {
        Object[] values = upsert.row().values();
        Object[] args = Arrays.copyOf(values, values.length + 4 + trailing.length);
        args[values.length] = upsert.row().hash();
        args[values.length + 1] = upsert.runId();
        args[values.length + 2] = upsert.recordNumber();
        args[values.length + 3] = OffsetDateTime.now(ZoneOffset.UTC);
        System.arraycopy(trailing, 0, args, values.length + 4, trailing.length);
        return args;
    }

    /** A row to store, with the run and record it comes from (kept on the row for tracing). */
    public record Upsert(Row row, long runId, long recordNumber) {
    }
}
