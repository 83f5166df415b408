package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.publish.RecordMessage;
import io.feedimport.report.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.feedimport.schedule.PickupLog;
import io.feedimport.transport.JdbcParkingLot;

/** What pruning old runs keeps and forgets, on every supported database; run against H2 and a real PostgreSQL. */
abstract class RunRetentionContract {

    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));

    JdbcTemplate jdbc;
    RunLedger runs;
    RunRetention retention;

    abstract DataSource dataSource();

    @BeforeEach
    void emptyEngineTables() {
        DataSource dataSource = dataSource();
        EngineMigrations.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        for (String table : new String[] {"fi_run", "fi_outcome", "fi_skip", "fi_progress", "fi_parked", "fi_pickup"}) {
            jdbc.update("DELETE FROM " + table);
        }
        runs = new RunLedger(jdbc);
        retention = new RunRetention(jdbc);
    }

    @Test
    void aCompletedRunOlderThanTheCutOffLosesItsPerRecordDetailsAndKeepsItsCounts() {
        run(1, RunStatus.COMPLETED, NOW.minus(Duration.ofDays(100)), 3);

        RunRetention.Pruned pruned = retention.prune(CUTOFF);

        assertThat(pruned).isEqualTo(new RunRetention.Pruned(1, 3, 2, 3, 0));
        assertThat(rows("fi_outcome", 1)).isZero();
        assertThat(rows("fi_skip", 1)).isZero();
        assertThat(rows("fi_progress", 1)).isZero();
        assertThat(runs.find(1)).hasValueSatisfying(run -> assertThat(run.read()).isEqualTo(5));
        assertThat(runs.prunedAt(1)).isPresent();
    }

    @Test
    void recentRunsFailedRunsAndRunsWithParkedRecordsKeepEverything() {
        run(1, RunStatus.COMPLETED, NOW.minus(Duration.ofDays(80)), 3);
        run(2, RunStatus.FAILED, NOW.minus(Duration.ofDays(200)), 3);
        run(3, RunStatus.COMPLETED, NOW.minus(Duration.ofDays(200)), 3);
        new JdbcParkingLot(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource())), new OutcomeLedger(jdbc))
                .park(new RecordMessage(3, "offers", 9, 20, "OF-9", Map.of("id", "OF-9")), "gave up after 5 attempts", 5);
        run(4, RunStatus.STARTED, NOW.minus(Duration.ofDays(200)), 3);

        assertThat(retention.prune(CUTOFF).runs()).isZero();

        for (long run = 1; run <= 4; run++) {
            assertThat(rows("fi_skip", run)).as("run %d", run).isEqualTo(2);
            assertThat(runs.prunedAt(run)).isEmpty();
        }
    }

    @Test
    void pruningAgainFindsNothingMore() {
        run(1, RunStatus.COMPLETED, NOW.minus(Duration.ofDays(100)), 3);
        retention.prune(CUTOFF);

        assertThat(retention.prune(CUTOFF)).isEqualTo(new RunRetention.Pruned(0, 0, 0, 0, 0));
    }

    @Test
    void oldPickUpsGoButEachFeedsLatestOfEachKindStaysSoAMissedScheduleIsStillSeen() {
        PickupLog pickups = new PickupLog(jdbc);
        Instant old = NOW.minus(Duration.ofDays(120));
        pickups.record(new PickupLog.Pickup("offers", "cron", old, "NO_FILE", "nothing in /in"));
        pickups.record(new PickupLog.Pickup("offers", "cron", old.plus(Duration.ofDays(1)), "NO_FILE", "nothing in /in"));
        pickups.record(new PickupLog.Pickup("offers", "poll", old, "ERROR", "connection refused"));
        pickups.record(new PickupLog.Pickup("contacts", "cron", old, "NO_FILE", "nothing in /in"));
        pickups.record(new PickupLog.Pickup("contacts", "cron", NOW.minus(Duration.ofDays(1)), "NO_FILE", "nothing in /in"));

        assertThat(retention.prune(CUTOFF).pickups()).isEqualTo(2);

        assertThat(pickups.lastScheduled("offers")).contains(old.plus(Duration.ofDays(1)));
        assertThat(pickups.recentWithoutImport(null, 10)).extracting(p -> p.feed() + "/" + p.trigger())
                .containsExactlyInAnyOrder("offers/cron", "offers/poll", "contacts/cron");
    }

    /** A run that ended at {@code ended}, with outcomes, two skip lines and three progress samples (one at its start). */
    private void run(long runId, RunStatus status, Instant ended, int outcomes) {
        OffsetDateTime end = ended.atOffset(ZoneOffset.UTC);
        runs.started(runId, "offers", "offers-" + runId + ".xml", "sha-" + runId, "host-1", end.minusMinutes(5));
        jdbc.update("UPDATE fi_run SET status = ?, ended_at = ?, read_count = 5, skipped = 2 WHERE run_id = ?", status.name(),
                status == RunStatus.STARTED ? null : end, runId);
        OutcomeLedger ledger = new OutcomeLedger(jdbc);
        for (long record = 1; record <= outcomes; record++) {
            ledger.record(runId, record, RecordOutcome.PERSISTED);
        }
        for (long record = 4; record <= 5; record++) {
            jdbc.update("INSERT INTO fi_skip (run_id, record_no, seq, feed, file, line, col, record_key, field, rule, bad_value,"
                    + " message) VALUES (?, ?, 0, 'offers', 'offers.xml', 12, 3, 'OF-1', 'price', 'min', '-3', 'below 0')",
                    runId, record);
        }
        runs.progress(runId, 3, 1, 0, true);
        runs.progress(runId, 5, 2, 0, true);
    }

    private long rows(String table, long runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class, runId);
    }
}
