package io.feedimport.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.mapping.Row;

/**
 * The key and version of rows, as the field types compare them: a key read back from the database equals the key of
 * the incoming row it belongs to, whatever notation or offset the driver returns.
 */
final class EntityKeys {

    private final List<FieldType> keyTypes;
    private final FieldType versionType;

    EntityKeys(FeedDefinition feed) {
        this.keyTypes = feed.target().key().stream().map(name -> feed.field(name).orElseThrow().type()).toList();
        this.versionType = feed.target().versioned() ? feed.field(feed.target().version()).orElseThrow().type() : null;
    }

    List<Object> of(Row row) {
        List<Object> key = new ArrayList<>(keyTypes.size());
        int[] columns = row.keyColumns();
        for (int i = 0; i < columns.length; i++) {
            key.add(keyTypes.get(i).keyForm(row.values()[columns[i]]));
        }
        return key;
    }

    /** The key of a row read by {@link EntityStatements#lockExisting} or {@link EntityStatements#existingKeys}. */
    List<Object> of(ResultSet rs) throws SQLException {
        List<Object> key = new ArrayList<>(keyTypes.size());
        for (int i = 0; i < keyTypes.size(); i++) {
            FieldType type = keyTypes.get(i);
            key.add(type.keyForm(rs.getObject(i + 1, type.javaType())));
        }
        return key;
    }

    /**
     * The hash and version of a row read by {@link EntityStatements#lockExisting}, and, read only when
     * {@code softDelete}, the run that withdrew it (null while it is live).
     */
    Object[] stored(ResultSet rs, boolean softDelete) throws SQLException {
        int hashColumn = keyTypes.size() + 1;
        Object version = versionType == null ? null : rs.getObject(hashColumn + 1, versionType.javaType());
        int withdrawnColumn = hashColumn + (versionType == null ? 1 : 2);
        Long withdrawnBy = softDelete && rs.getObject(withdrawnColumn) != null ? rs.getLong(withdrawnColumn + 1) : null;
        return new Object[] {rs.getString(hashColumn), version, withdrawnBy};
    }

    /** Whether the incoming row's version is older than the stored one, so it must not overwrite it. */
    boolean outdated(Row incoming, Object storedVersion) {
        return versionType != null && storedVersion != null && incoming.version() != null
                && versionType.compareVersions(incoming.version(), storedVersion) < 0;
    }
}
