package io.feedimport.schedule;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import io.feedimport.store.PostgresTestSchema;

/** The feed locks against the real PostgreSQL on 127.0.0.1:5432, in a schema of their own. */
class FeedLocksPostgresIT extends FeedLocksContract {

    private static DataSource postgres;

    @BeforeAll
    static void freshSchema() {
        postgres = PostgresTestSchema.fresh("feedimport_locks_it");
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
