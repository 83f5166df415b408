package io.feedimport.store;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The entity store against the real PostgreSQL on 127.0.0.1:5432 (started by scripts/services.sh). */
class EntityStorePostgresIT extends EntityStoreContract {

    private final DriverManagerDataSource postgres = new DriverManagerDataSource(
            System.getProperty("feedimport.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test"), "postgres", "");

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
