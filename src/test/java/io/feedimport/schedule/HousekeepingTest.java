package io.feedimport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void aPruneSaysWhatItRemovedAndIsSilentWhenNothingWasDue() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:housekeeping-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        new RunLedger(jdbc).started(1, "offers", "offers.xml", "sha", "host-1", CLOCK.instant().minus(Duration.ofDays(40))
                .atOffset(ZoneOffset.UTC));
        jdbc.update("UPDATE fi_run SET status = 'COMPLETED', ended_at = started_at WHERE run_id = 1");
        Housekeeping keepThirtyDays = new Housekeeping(new RunRetention(jdbc), Duration.ofDays(30), CLOCK, out);

        assertThat(keepThirtyDays.prune().runs()).isEqualTo(1);
        assertThat(keepThirtyDays.prune().runs()).isZero();

        assertThat(output.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .isEqualTo("feedimport: pruned the per-record details of 1 run(s) completed before 2026-10-31T03:00:00Z: 0 record"
                        + " outcomes, 0 skip report lines, 1 progress samples; and 0 old pick-ups that imported nothing");
    }

    @Test
    void aPruneThatFailsIsOneLineAndTheNextOneIsStillTried() throws InterruptedException {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:no-such-database;IFEXISTS=TRUE");
        try (Housekeeping housekeeping = new Housekeeping(new RunRetention(new JdbcTemplate(missing)), Duration.ofDays(30), CLOCK,
                out)) {
            housekeeping.start(Duration.ZERO, Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (failures() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(failures()).isGreaterThanOrEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8).lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("feedimport: pruning old runs failed, trying again in a day: ").contains("no-such-database"));
    }

    private long failures() {
        return output.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("pruning old runs failed")).count();
    }
}
