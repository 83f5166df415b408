package io.feedimport.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
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
    private final EntityStatements sql;
    private final EntityKeys keys;

    public EntityStore(JdbcTemplate jdbc, FeedDefinition feed) {
        this.jdbc = jdbc;
        this.sql = new EntityStatements(feed);
        this.keys = new EntityKeys(feed);
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
            List<Object> key = keys.of(upsert.row());
            Object[] stored = current.get(key);
            StoreResult result;
            if (busy.contains(key)) {
                results.add(null);
                continue;
            }
            Long withdrawnBy = stored == null ? null : (Long) stored[2];
            if (stored == null) {
                result = StoreResult.INSERTED;
            } else if (withdrawnBy != null && withdrawnBy > upsert.runId()) {
                // withdrawn by a later export: a record of an earlier one (a late retry, a replay) does not revive it
                result = StoreResult.OUTDATED;
            } else if (upsert.row().hash().equals(stored[0]) && withdrawnBy == null) {
                result = StoreResult.UNCHANGED;
            } else if (keys.outdated(upsert.row(), stored[1])) {
                result = StoreResult.OUTDATED;
            } else {
                result = StoreResult.UPDATED;
            }
            if (result == StoreResult.INSERTED || result == StoreResult.UPDATED) {
                current.put(key, new Object[] {upsert.row().hash(), upsert.row().version(), null});
                (existing.containsKey(key) ? updates : inserts).put(key, upsert);
            }
            results.add(result);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(sql.insert(), inserts.values().stream().map(u -> withEngineColumns(u, new Object[0])).toList(),
                    sql.insertTypes());
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(sql.update(), updates.entrySet().stream()
                    .map(e -> withEngineColumns(e.getValue(), keyValues(e.getValue().row()))).toList(), sql.updateTypes());
        }
        return results;
    }

    private Map<List<Object>, Object[]> lockExisting(List<Upsert> upserts, boolean skipLocked) {
        List<List<Object>> wanted = upserts.stream().map(u -> keys.of(u.row())).distinct().toList();
        Map<List<Object>, Object[]> found = new HashMap<>();
        jdbc.query(sql.lockExisting(wanted.size(), skipLocked), rs -> {
            found.put(keys.of(rs), keys.stored(rs, sql.softDelete()));
        }, wanted.stream().flatMap(List::stream).toArray());
        return found;
    }

    /** Of the keys the locking read did not return, those whose rows exist: another transaction holds them. */
    private Set<List<Object>> heldElsewhere(List<Upsert> upserts, Set<List<Object>> locked) {
        List<List<Object>> missing = upserts.stream().map(u -> keys.of(u.row())).distinct()
                .filter(key -> !locked.contains(key)).toList();
        if (missing.isEmpty()) {
            return Set.of();
        }
        // a plain read does not wait for row locks
        Set<List<Object>> held = new HashSet<>();
        jdbc.query(sql.existingKeys(missing.size()), rs -> {
            held.add(keys.of(rs));
        }, missing.stream().flatMap(List::stream).toArray());
        return held;
    }

    private static Object[] keyValues(Row row) {
        return Arrays.stream(row.keyColumns()).mapToObj(i -> row.values()[i]).toArray();
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
