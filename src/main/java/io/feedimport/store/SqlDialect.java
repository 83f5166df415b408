package io.feedimport.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.FieldType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The few places where H2 and PostgreSQL differ for us: column types in the target tables. */
public enum SqlDialect implements FieldType.ColumnTypes {
    H2("DECFLOAT", "CHARACTER VARYING"),
    POSTGRESQL("NUMERIC", "TEXT");

    private final String decimalType;
    private final String unboundedTextType;

    SqlDialect(String decimalType, String unboundedTextType) {
        this.decimalType = decimalType;
        this.unboundedTextType = unboundedTextType;
    }

    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("unsupported database '" + product + "': feedimport runs on H2 and PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    public String columnType(FieldDefinition field) {
        if (field.lookup() != null) {
            return "BIGINT"; // the id of the reference row, not the text that named it
        }
        return field.type().columnType(field, this);
    }

    @Override
    public String decimal() {
        return decimalType;
    }

    @Override
    public String longText() {
        return unboundedTextType;
    }

    /**
     * Has the rest of the current transaction plan each statement for the values it is given, on PostgreSQL. After
     * five runs of a statement a connection may keep one generic plan, made for its tables as they were then: an engine
     * table starts a first night empty, nothing may analyze it all night (autovacuum off, or not round yet), and a plan
     * kept from the empty table then read all of it for every chunk (BENCH_ONLY=delta's production first night fell
     * to 728 records/s). Planning each time costs a fraction of a millisecond a statement.
     */
    public void planForTheValuesGiven(JdbcTemplate jdbc) {
        if (this == POSTGRESQL) {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * A name as the database stores it when written unquoted, for metadata lookups. Asked of the database rather than
     * assumed per product, since H2 can be told to fold to lower case (DATABASE_TO_LOWER).
     */
    public static String folded(DatabaseMetaData metadata, String name) throws SQLException {
        if (metadata.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        return metadata.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }
}
