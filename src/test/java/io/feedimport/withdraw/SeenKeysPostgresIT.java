package io.feedimport.withdraw;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.store.PostgresTestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The keys a snapshot run read, looked up a page of the target at a time on the real PostgreSQL. */
class SeenKeysPostgresIT {

    @Test
    void aPageOfTheTargetLooksUpItsOwnKeysThoughItsConnectionFirstAskedWhenNothingWasRead() throws SQLException {
        DataSource postgres = PostgresTestSchema.fresh("feedimport_seen_keys_it");
        EngineMigrations.migrate(postgres);
        JdbcTemplate admin = new JdbcTemplate(postgres);
        // nothing analyzes the table while the run goes on (autovacuum off, or not round yet)
        admin.execute("ALTER TABLE fi_seen SET (autovacuum_enabled = false)");
        try (Connection connection = postgres.getConnection()) {
            SingleConnectionDataSource pooled = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(pooled);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(pooled));
            SeenKeys seen = new SeenKeys(jdbc);
            Random random = new Random(3);
            for (int page = 0; page < 10; page++) { // a run on the same pooled connection, when no run had read a key
                transaction.executeWithoutResult(status -> seen.seen(1, keys(random)));
            }
            admin.update("INSERT INTO fi_seen (key_hash, run_id)"
                    + " SELECT g * 7919, 2 FROM generate_series(CAST(1 AS BIGINT), 1000000) g");
            long before = keysRead(jdbc);

            Set<String> found = new HashSet<>();
            for (int page = 0; page < 10; page++) {
                transaction.executeWithoutResult(status -> found.addAll(seen.seen(2, keys(random))));
            }

            assertThat(found).hasSizeGreaterThan(4000);
            assertThat(keysRead(jdbc) - before).as("index entries of fi_seen read for 10 pages of 1,000 keys")
                    .isLessThan(100_000);
        }
    }

    /** A page of the target: half of its keys read by run 2. */
    private static List<String> keys(Random random) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ContentFingerprints.text(i % 2 == 0 ? (random.nextInt(1_000_000) + 1) * 7919L : random.nextLong()));
        }
        return keys;
    }

    /** Index entries read from fi_seen so far, this connection's included. */
    private static long keysRead(JdbcTemplate jdbc) {
        PostgresTestSchema.flushStatistics(jdbc);
        return jdbc.queryForObject("SELECT COALESCE(SUM(idx_tup_read), 0) FROM pg_stat_user_indexes"
                + " WHERE relid = 'fi_seen'::regclass", Long.class);
    }
}
