package io.feedimport.reference;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

/** This package's own schema on the real PostgreSQL on 127.0.0.1:5432, dropped and created afresh for each test. */
final class PostgresSchema {

    static final String SCHEMA = "feedimport_reference_it";
    private static final String URL =
            System.getProperty("feedimport.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");

    private PostgresSchema() {
    }

    static HikariDataSource fresh() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " (scripts/services.sh --only postgres)", e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(20);
        return pool;
    }
}
