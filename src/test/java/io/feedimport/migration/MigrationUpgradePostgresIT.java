package io.feedimport.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Production's database: the schema that the release before migrations made and filled in the local PostgreSQL,
 * restored from its dump (schema fi_upgrade_fixture), and an empty schema beside it.
 */
class MigrationUpgradePostgresIT extends MigrationUpgradeContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String OLD = "fi_upgrade_fixture";
    private static final String EMPTY = "fi_upgrade_empty";

    @Override
    DataSource oldDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "")) {
            execute(connection, "DROP SCHEMA IF EXISTS " + OLD + " CASCADE");
            ScriptUtils.executeSqlScript(connection, new FileSystemResource(Path.of("src/test/resources/upgrade/postgresql/feedimport.sql")));
        }
        return postgres(OLD);
    }

    @Override
    DataSource emptyDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "")) {
            execute(connection, "DROP SCHEMA IF EXISTS " + EMPTY + " CASCADE");
            execute(connection, "CREATE SCHEMA " + EMPTY);
        }
        return postgres(EMPTY);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "")) {
            execute(connection, "DROP SCHEMA IF EXISTS " + OLD + " CASCADE");
            execute(connection, "DROP SCHEMA IF EXISTS " + EMPTY + " CASCADE");
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static DataSource postgres(String schema) {
        return new DriverManagerDataSource(SERVER + "?currentSchema=" + schema, "postgres", "");
    }
}
