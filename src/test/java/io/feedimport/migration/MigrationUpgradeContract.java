package io.feedimport.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipReportStore;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RunLedger;
import io.feedimport.source.FileEntry;
import io.feedimport.source.FileLedger;
import io.feedimport.source.FileState;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.transport.ParkedRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database made by feedimport before its schema was migrations (commit 61f86cd, see upgrade/make-fixtures.sh) is
 * migrated, and what that release recorded is still read back by today's ledgers; a new database gets the same tables.
 * Each database runs it with its own fixture.
 */
abstract class MigrationUpgradeContract {

    /** A fresh copy of the fixture made by the old release, not yet migrated. */
    abstract DataSource oldDatabase() throws Exception;

    /** An empty database of the same kind. */
    abstract DataSource emptyDatabase() throws Exception;

    @Test
    void anOldDatabaseIsBaselinedAndMigratedAndTheHistoryRecordsTheVersion() throws Exception {
        DataSource old = oldDatabase();
        assertThat(Tables.exists(old, "flyway_schema_history")).isFalse();

        EngineMigrations.migrate(old);

        assertThat(new JdbcTemplate(old).queryForList("SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\""
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .extracting(row -> row.get("version") + " " + row.get("type") + " " + row.get("success"))
                .containsExactly("0 BASELINE true", "1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true");
        assertThat(EngineMigrations.flyway(old).info().current().getVersion().getVersion()).isEqualTo("6");
        assertThat(EngineMigrations.migrate(old).migrationsExecuted).as("a second start migrates nothing").isZero();
    }

    @Test
    void theRunsAndSkipReportsOfTheOldReleaseSurvive() throws Exception {
        DataSource old = oldDatabase();
        EngineMigrations.migrate(old);
        JdbcTemplate jdbc = new JdbcTemplate(old);
        RunLedger runs = new RunLedger(jdbc);
        SkipReportStore skips = new SkipReportStore(jdbc);

        List<RunSummary> recent = runs.recent("offers", null, 10);

        assertThat(recent).extracting(RunSummary::runId).containsExactly(4L, 3L, 2L, 1L);
        RunSummary small = runs.find(1).orElseThrow();
        assertThat(small.status()).as("over its skip limit").isEqualTo(RunStatus.FAILED);
        assertThat(small.read()).isEqualTo(5);
        assertThat(small.skipped()).isEqualTo(2);
        assertThat(skips.skippedRecords(1)).isEqualTo(2);
        assertThat(skips.entries(1)).extracting(entry -> entry.key() + " " + entry.field() + " " + entry.rule())
                .containsExactly("OF-000003 price min", "OF-000004 kind values", "OF-000004 currency values");
        RunSummary sample = runs.find(2).orElseThrow();
        assertThat(sample.read()).isEqualTo(300);
        assertThat(sample.skipped()).isEqualTo(15);
        assertThat(sample.persisted()).isEqualTo(282);
        assertThat(sample.unchanged()).isEqualTo(2);
        assertThat(sample.parked()).isEqualTo(1);
        assertThat(sample.reconciles()).isTrue();
        assertThat(skips.skippedRecords(2)).isEqualTo(15);
        assertThat(runs.find(4).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void theFileLedgerAndTheParkedRecordsOfTheOldReleaseSurvive() throws Exception {
        DataSource old = oldDatabase();
        EngineMigrations.migrate(old);
        JdbcTemplate jdbc = new JdbcTemplate(old);
        FileLedger files = new FileLedger(jdbc, Clock.systemUTC());
        JdbcParkingLot parked = new JdbcParkingLot(jdbc, new TransactionTemplate(new DataSourceTransactionManager(old)),
                new OutcomeLedger(jdbc));

        List<FileEntry> seen = files.recent("offers", 10);
        List<ParkedRecord> parkedRecords = parked.list("offers", null);

        assertThat(seen).extracting(entry -> entry.name() + " " + entry.state() + " run " + entry.runId())
                .containsExactlyInAnyOrder("offers-2026-11-23.xml " + FileState.IMPORTED + " run 3",
                        "offers-2026-11-24.xml " + FileState.FAILED + " run 4");
        assertThat(seen).allSatisfy(entry -> assertThat(entry.checksum()).isNotBlank());
        assertThat(parkedRecords).singleElement().satisfies(record -> {
            assertThat(record.runId()).isEqualTo(2);
            assertThat(record.key()).isEqualTo("OF-000007");
            assertThat(record.attempts()).isEqualTo(5);
            assertThat(record.reason()).contains("offer OF-000007 conflicts with a concurrent update");
            assertThat(record.payload()).contains("OF-000007");
        });
        assertThat(parked.count(2L, "offers")).isEqualTo(1);
    }

    @Test
    void fingerprintsAndSeenKeysStoredAsHexKeepTheirMeaningAsNumbers() throws Exception {
        DataSource old = oldDatabase();
        EngineMigrations.migrate(old, "4");
        JdbcTemplate jdbc = new JdbcTemplate(old);
        jdbc.update("INSERT INTO fi_fingerprint (key_hash, feed, content) VALUES"
                + " ('00ff00ff00ff00ff0123456789abcdef', 'offers', 'ffffffffffffffff0123456789abcdef'),"
                + " ('8000000000000001aaaaaaaaaaaaaaaa', 'offers', '')");
        jdbc.update("INSERT INTO fi_seen (key_hash, run_id) VALUES ('00ff00ff00ff00ff0123456789abcdef', 7)");

        EngineMigrations.migrate(old);

        // the first 64 bits of each hash, as ContentFingerprints now makes them; a pending key stays pending
        assertThat(jdbc.queryForList("SELECT key_hash, feed, content FROM fi_fingerprint ORDER BY key_hash"))
                .extracting(row -> ((Number) row.get("key_hash")).longValue() + " " + row.get("feed") + " " + row.get("content"))
                .containsExactly(Long.parseUnsignedLong("8000000000000001", 16) + " offers null",
                        Long.parseUnsignedLong("00ff00ff00ff00ff", 16) + " offers " + Long.parseUnsignedLong("ffffffffffffffff", 16));
        assertThat(jdbc.queryForList("SELECT key_hash, run_id FROM fi_seen"))
                .extracting(row -> ((Number) row.get("key_hash")).longValue() + " " + row.get("run_id"))
                .containsExactly(Long.parseUnsignedLong("00ff00ff00ff00ff", 16) + " 7");
    }

    @Test
    void aNewDatabaseGetsTheTablesAndColumnsTheOldReleaseMade() throws Exception {
        DataSource old = oldDatabase();
        List<Map<String, Object>> before = Tables.columns(old);
        DataSource empty = emptyDatabase();

        // version 2 is the schema of the last release before migrations, made again
        EngineMigrations.migrate(old, "2");
        EngineMigrations.migrate(empty, "2");

        assertThat(before).extracting(column -> column.get("table_name")).contains("fi_run", "fi_skip", "fi_progress",
                "fi_outcome", "fi_parked", "fi_file", "fi_lock", "fi_pickup", "batch_job_instance", "batch_step_execution");
        assertThat(Tables.columns(empty)).containsExactlyElementsOf(before);
        assertThat(Tables.columns(old)).as("the upgrade left the old tables as they were").containsExactlyElementsOf(before);
        assertThat(Tables.indexes(empty)).containsExactlyElementsOf(Tables.indexes(old));

        EngineMigrations.migrate(old);
        EngineMigrations.migrate(empty);

        assertThat(Tables.columns(empty)).as("every later migration alike").containsExactlyElementsOf(Tables.columns(old));
        assertThat(Tables.indexes(empty)).containsExactlyElementsOf(Tables.indexes(old));
    }
}
