package io.feedimport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.run.RunLedger;
import io.feedimport.run.RunRetention;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class HousekeepingTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

    final RecordedEvents told = new RecordedEvents();

    @Test
    void aPruneSaysWhatItRemovedAndIsSilentWhenNothingWasDue() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:housekeeping-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        new RunLedger(jdbc).started(1, "offers", "offers.xml", "sha", "host-1", CLOCK.instant().minus(Duration.ofDays(40))
                .atOffset(ZoneOffset.UTC));
        jdbc.update("UPDATE fi_run SET status = 'COMPLETED', ended_at = started_at WHERE run_id = 1");
        Housekeeping keepThirtyDays = new Housekeeping(new RunRetention(jdbc), Duration.ofDays(30), Housekeeping.Rhythm.DAILY,
                CLOCK, told);

        assertThat(keepThirtyDays.prune().runs()).isEqualTo(1);
        assertThat(keepThirtyDays.prune().runs()).isZero();

        // what the CLI prints of it is in cli/DaemonPrinterTest
        assertThat(told.prunes).singleElement().isEqualTo(new RecordedEvents.Prune(new RunRetention.Pruned(1, 0, 0, 1, 0),
                Instant.parse("2026-10-31T03:00:00Z")));
    }

    @Test
    void aPruneThatFailsIsOneLineAndTheNextOneIsStillTried() throws InterruptedException {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:no-such-database;IFEXISTS=TRUE");
        Housekeeping housekeeping = new Housekeeping(new RunRetention(new JdbcTemplate(missing)), Duration.ofDays(30),
                new Housekeeping.Rhythm(Duration.ZERO, Duration.ofMillis(20)), CLOCK, told);
        housekeeping.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (told.pruneFailures.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            housekeeping.stop();
        }

        assertThat(told.pruneFailures.size()).isGreaterThanOrEqualTo(2);
        assertThat(told.pruneFailures.get(0)).as("the driver's reason, not Spring's wrapper").hasMessageContaining("no-such-database");
    }

    @Test
    void keepingEveryRunForEverMeansNoPrunes() {
        Housekeeping keepForEver = new Housekeeping(new RunRetention(new JdbcTemplate(new JdbcDataSource())), Duration.ZERO,
                new Housekeeping.Rhythm(Duration.ZERO, Duration.ofMillis(20)), CLOCK, told);

        keepForEver.start();

        assertThat(keepForEver.prunes()).isFalse();
        assertThat(keepForEver.isRunning()).isFalse();
    }
}
