package io.feedimport.store;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The feed locks against the real PostgreSQL on 127.0.0.1:5432 (started by scripts/services.sh), in a schema of their own. */
class FeedLocksPostgresIT extends FeedLocksContract {

    private static final String URL = System.getProperty("feedimport.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String SCHEMA = "feedimport_locks_it";

    private final DriverManagerDataSource postgres = new DriverManagerDataSource(
            URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, "postgres", "");

    @BeforeAll
    static void freshSchema() {
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(URL, "postgres", ""));
        admin.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        admin.execute("CREATE SCHEMA " + SCHEMA);
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
