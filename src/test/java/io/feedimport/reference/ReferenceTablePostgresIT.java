package io.feedimport.reference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

/** The reference table contract on the real PostgreSQL, in a schema of its own created afresh per test. */
class ReferenceTablePostgresIT extends ReferenceTableContract {

    private HikariDataSource database;

    @Override
    DataSource emptyDatabase() {
        database = PostgresSchema.fresh();
        return database;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
