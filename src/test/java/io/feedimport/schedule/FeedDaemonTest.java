package io.feedimport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class FeedDaemonTest {

    @TempDir
    Path dir;

    final List<String> imported = new CopyOnWriteArrayList<>();
    final RecordedEvents told = new RecordedEvents();
    PickupLog log;

    @Test
    void aFeedWhoseFolderKeepsFailingIsPolledLessAndLessOftenWhileTheOtherFeedsGoOn() throws Exception {
        Path healthy = Files.createDirectories(dir.resolve("healthy"));
        FeedDaemon daemon = new FeedDaemon(pickup(), log, Clock.systemUTC(), told,
                List.of(feed("broken", dir.resolve("missing")), feed("offers", healthy)));
        daemon.start();
        try {
            Thread.sleep(1500);
            Files.writeString(healthy.resolve("export.xml"), "<feed/>");
            Thread.sleep(5500);
        } finally {
            daemon.stop();
        }

        List<String> lines = told.pickups;
        List<String> broken = lines.stream().filter(line -> line.startsWith("broken: ")).toList();
        assertThat(broken).as("polls at 0s, 2s and 6s, not every second").hasSizeBetween(2, 3);
        assertThat(broken.get(0)).isEqualTo("broken: error: " + dir.resolve("missing")
                + ": cannot list: no such file or folder " + dir.resolve("missing") + " (next poll in 2s)");
        assertThat(broken.get(1)).endsWith("(next poll in 4s)");
        assertThat(lines).anyMatch(line -> line.startsWith("offers: export.xml: imported as run 1"));
        assertThat(imported).containsExactly("export.xml");
    }

    @Test
    void aCronTimeMissedWhileNoDaemonRanIsRecordedSaidOnceAndMadeUpForAtStart() throws Exception {
        Path nightly = Files.createDirectories(dir.resolve("nightly"));
        FeedDefinition feed = feed("nightly", nightly, new ScheduleDefinition("0 0 2 * * *", ZoneOffset.UTC));
        FeedPickup pickup = pickup();
        // the last nightly pick-up ran two days ago: at least one 02:00 passed without a daemon
        log.record(new PickupLog.Pickup("nightly", "cron", Instant.now().minus(Duration.ofDays(2)), "IMPORTED", "export.xml"));

        FeedDaemon daemon = new FeedDaemon(pickup, log, Clock.systemUTC(), told, List.of(feed));
        daemon.start();
        try {
            Thread.sleep(1500);
        } finally {
            daemon.stop();
        }

        assertThat(String.join("\n", told.pickups)).containsPattern("nightly: missed the scheduled"
                + " pick-up of \\d{4}-\\d\\d-\\d\\dT02:00Z \\(no daemon was running\\); picking up now")
                .contains("nightly: scheduled pick-up found no file");
        assertThat(log.recentWithoutImport(null, 10)).extracting(PickupLog.Pickup::outcome).containsExactly("NO_FILE", "MISSED");
    }

    @Test
    void aFeedNeverScheduledBeforeHasNothingToMakeUpFor() throws Exception {
        FeedDefinition feed = feed("nightly", Files.createDirectories(dir.resolve("nightly")),
                new ScheduleDefinition("0 0 2 * * *", ZoneOffset.UTC));

        FeedDaemon daemon = new FeedDaemon(pickup(), log, Clock.systemUTC(), told, List.of(feed));
        daemon.start();
        try {
            Thread.sleep(500);
        } finally {
            daemon.stop();
        }

        assertThat(told.pickups).isEmpty();
        assertThat(log.recentWithoutImport(null, 10)).isEmpty();
    }

    private FeedPickup pickup() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:daemon-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        log = new PickupLog(jdbc);
        Poller poller = new Poller(new DropFolders(name -> null)::open, new FileLedger(jdbc, Clock.systemUTC()), (feed, file, sha256) -> {
            imported.add(file.getFileName().toString());
            return new RunSummary(imported.size(), feed.name(), file.toString(), RunStatus.COMPLETED, 1, 0, 1, 0, 1, 0, 0,
                    0, 5, OffsetDateTime.now(), null);
        }, dir.resolve("incoming"));
        return new FeedPickup(poller, new FeedLocks(jdbc), log, "host/1/this", Clock.systemUTC());
    }

    private FeedDefinition feed(String name, Path folder) {
        return feed(name, folder, null);
    }

    private FeedDefinition feed(String name, Path folder, ScheduleDefinition schedule) {
        SourceDefinition source = new SourceDefinition(new SourceDefinition.Local(folder), "*.xml",
                SourceDefinition.Readiness.STABLE, null, SourceDefinition.DEFAULT_IGNORE, SourceDefinition.After.ARCHIVE,
                "archive", "failed", Duration.ofSeconds(1), Duration.ofHours(1));
        return new FeedDefinition(name, dir.resolve(name + ".yml"), null, List.of(), null, null, 500, null, source, schedule,
                null, null, true);
    }
}
