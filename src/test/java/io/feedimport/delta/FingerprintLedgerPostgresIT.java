package io.feedimport.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import io.feedimport.store.PostgresTestSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

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

    @Test
    void aChunkFindsItsKeysByTheIndexThoughItsConnectionFirstAskedWhenTheTableWasEmpty() throws SQLException {
        // a first night starts with no fingerprints, and nothing may analyze the table all night (autovacuum off, or
        // not round yet): a plan the connection cached on the empty table scanned the whole table for every chunk
        jdbc.execute("TRUNCATE fi_fingerprint");
        jdbc.execute("ALTER TABLE fi_fingerprint SET (autovacuum_enabled = false)");
        try (Connection connection = postgres.getConnection()) {
            SingleConnectionDataSource pooled = new SingleConnectionDataSource(connection, true);
            FingerprintLedger night = new FingerprintLedger(new JdbcTemplate(pooled), new DataSourceTransactionManager(pooled));
            Random random = new Random(5);
            for (int chunk = 0; chunk < 10; chunk++) {
                night.markPending(keys(random));
                night.stored(keys(random), 1);
            }
            jdbc.update("INSERT INTO fi_fingerprint (key_hash, feed, content, run_id)"
                    + " SELECT g * 7919, 'offers', g, 1 FROM generate_series(CAST(1 AS BIGINT), 1000000) g");
            long before = tableScans(pooled);

            for (int chunk = 0; chunk < 10; chunk++) {
                night.markPending(keys(random));
                night.stored(keys(random), 1);
            }

            assertThat(tableScans(pooled) - before).as("whole-table reads of fi_fingerprint by 20 chunk statements")
                    .isZero();
        }
    }

    private static List<String> keys(Random random) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(ContentFingerprints.text(random.nextBoolean() ? random.nextInt(1_000_000) * 7919L : random.nextLong()));
        }
        return keys;
    }

    /** The table's sequential scans so far, this connection's included. */
    private static long tableScans(DataSource connection) {
        JdbcTemplate jdbc = new JdbcTemplate(connection);
        PostgresTestSchema.flushStatistics(jdbc);
        return jdbc.queryForObject("SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'fi_fingerprint'::regclass",
                Long.class);
    }
}
