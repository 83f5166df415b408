package io.feedimport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.ScheduleDefinition;
import io.feedimport.feed.SourceDefinition;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.source.DropFolders;
import io.feedimport.source.Poller;
import io.feedimport.schedule.FeedLocks;
import io.feedimport.source.FileLedger;
import io.feedimport.schedule.PickupLog;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class FeedPickupTest {

    @TempDir
    Path dir;

    Path drop;
    JdbcTemplate jdbc;
    FeedLocks locks;
    FeedPickup pickup;
    final List<String> imported = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        drop = Files.createDirectories(dir.resolve("drop"));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pickup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        jdbc = new JdbcTemplate(h2);
        locks = new FeedLocks(jdbc);
        Poller poller = new Poller(new DropFolders(name -> null)::open, new FileLedger(jdbc, Clock.systemUTC()), (feed, file, sha256) -> {
            imported.add(file.getFileName().toString());
            return new RunSummary(imported.size(), feed.name(), file.toString(), RunStatus.COMPLETED, 1, 0, 1, 0, 1, 0, 0,
                    0, 5, OffsetDateTime.now(), null);
        }, dir.resolve("incoming"));
        pickup = new FeedPickup(poller, locks, new PickupLog(jdbc), "host/1/this", Clock.systemUTC());
    }

    @Test
    void aFeedWhoseLockIsHeldElsewhereIsSkippedNotPolledAndNotQueued() throws IOException {
        Files.writeString(drop.resolve("export.xml"), "<feed/>");
        locks.tryAcquire("offers", "other-host/77/abc", Duration.ofMinutes(2));

        PickupResult result = pickup.poll(feed(null));

        assertThat(result.outcome()).isEqualTo("SKIPPED");
        assertThat(result.summary()).isEqualTo("already being picked up by other-host/77/abc");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_file", Long.class)).as("the folder was not even listed").isZero();
    }

    @Test
    void theLockIsReleasedAfterThePickupSoTheNextOneRuns() {
        pickup.poll(feed(null));

        assertThat(locks.holder("offers")).isEmpty();
        assertThat(locks.tryAcquire("offers", "other-host/77/abc", Duration.ofMinutes(2))).isTrue();
    }

    @Test
    void aScheduledPickupPollsAgainUntilTheFileItFoundIsCompleteAndImportsIt() throws IOException {
        Files.writeString(drop.resolve("export.xml"), "<feed/>");

        PickupResult result = pickup.scheduled(feed(new ScheduleDefinition("0 0 2 * * *", java.time.ZoneOffset.UTC)));

        assertThat(result.outcome()).isEqualTo("IMPORTED");
        assertThat(imported).containsExactly("export.xml");
    }

    @Test
    void aScheduledPickupThatFindsNoFileIsOnRecordButAnEmptyPollIsNot() {
        pickup.poll(feed(null));
        pickup.scheduled(feed(new ScheduleDefinition("0 0 2 * * *", java.time.ZoneOffset.UTC)));

        List<PickupLog.Pickup> missed = new PickupLog(jdbc).recentWithoutImport(null, 10);

        assertThat(missed).extracting(PickupLog.Pickup::trigger, PickupLog.Pickup::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cron", "NO_FILE"));
    }

    private FeedDefinition feed(ScheduleDefinition schedule) {
        SourceDefinition source = new SourceDefinition(new SourceDefinition.Local(drop), "*.xml",
                SourceDefinition.Readiness.STABLE, null, SourceDefinition.DEFAULT_IGNORE, SourceDefinition.After.ARCHIVE,
                "archive", "failed", Duration.ofSeconds(1), Duration.ofSeconds(10));
        return new FeedDefinition("offers", dir.resolve("offers.yml"), null, List.of(), null, null, 500, null, source, schedule, null, null, true);
    }
}
