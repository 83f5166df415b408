package io.feedimport.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's tables (fi_*, batch_*) of a database's current schema, as H2 and PostgreSQL both describe them. */
final class Tables {

    private Tables() {
    }

    static boolean exists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    /** Every column: table, name, position, type, length and nullability, in table and position order. */
    static List<Map<String, Object>> columns(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList("SELECT LOWER(table_name) AS table_name, LOWER(column_name) AS column_name,"
                + " ordinal_position, data_type, character_maximum_length, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                + " AND (LOWER(table_name) LIKE 'fi_%' OR LOWER(table_name) LIKE 'batch_%')"
                + " ORDER BY LOWER(table_name), ordinal_position");
    }

    /**
     * Every index of those tables as "table (columns) unique|non-unique", sorted; without the names the database gave
     * unnamed ones (H2's PRIMARY_KEY_..., which differ from database to database).
     */
    static List<String> indexes(DataSource dataSource) throws SQLException {
        List<String> tables = columns(dataSource).stream().map(column -> (String) column.get("table_name")).distinct().toList();
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : tables) {
                String stored = metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                Map<String, String> columnsByIndex = new TreeMap<>();
                try (ResultSet index = metadata.getIndexInfo(null, connection.getSchema(), stored, false, false)) {
                    while (index.next()) {
                        String name = index.getString("INDEX_NAME");
                        String unique = index.getBoolean("NON_UNIQUE") ? "non-unique" : "unique";
                        columnsByIndex.merge(name + "|" + unique, index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                (a, b) -> a + ", " + b);
                    }
                }
                columnsByIndex.forEach((key, columns) ->
                        indexes.add(table + " (" + columns + ") " + key.substring(key.indexOf('|') + 1)));
            }
        }
        return indexes.stream().sorted().toList();
    }
}
