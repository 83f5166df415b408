package io.feedimport.run;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import io.feedimport.store.PostgresTestSchema;

/** Pruning old runs against the real PostgreSQL on 127.0.0.1:5432, in a schema of its own. */
class RunRetentionPostgresIT extends RunRetentionContract {

    private static DataSource postgres;

    @BeforeAll
    static void freshSchema() {
        postgres = PostgresTestSchema.fresh("feedimport_retention_it");
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
