package io.feedimport.reference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

/** The reference table contract on a fresh in-memory H2 database per test, behind a real connection pool. */
class ReferenceTableTest extends ReferenceTableContract {

    private HikariDataSource database;

    @Override
    DataSource emptyDatabase() {
        database = H2Database.create();
        return database;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
