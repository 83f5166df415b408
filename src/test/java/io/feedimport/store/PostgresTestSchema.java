package io.feedimport.store;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A schema of a test's own on the real PostgreSQL on 127.0.0.1:5432 (started by scripts/services.sh). */
public final class PostgresTestSchema {

    private static final String URL = System.getProperty("feedimport.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");

    private PostgresTestSchema() {
    }

    /** Drops and creates the schema, and returns connections that work in it. */
    public static DataSource fresh(String schema) {
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(URL, "postgres", ""));
        admin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        admin.execute("CREATE SCHEMA " + schema);
        return new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, "postgres", "");
    }

    /**
     * Makes what {@code connection} did so far show in the statistics views: a backend reports its counts when it
     * goes idle, at most once a second unless asked.
     */
    public static void flushStatistics(JdbcTemplate connection) {
        connection.queryForList("SELECT pg_stat_force_next_flush()");
        connection.queryForList("SELECT pg_stat_clear_snapshot()");
    }
}
