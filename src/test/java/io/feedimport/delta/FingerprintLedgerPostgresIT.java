package io.feedimport.delta;

import javax.sql.DataSource;

import io.feedimport.store.PostgresTestSchema;
import org.junit.jupiter.api.BeforeAll;

/** The fingerprint ledger against the real PostgreSQL on 127.0.0.1:5432, in a schema of its own. */
class FingerprintLedgerPostgresIT extends FingerprintLedgerContract {

    private static DataSource postgres;

    @BeforeAll
    static void freshSchema() {
        postgres = PostgresTestSchema.fresh("feedimport_fingerprint_it");
    }

    @Override
    DataSource dataSource() {
        return postgres;
    }
}
