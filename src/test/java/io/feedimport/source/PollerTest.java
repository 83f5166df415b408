package io.feedimport.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.SourceDefinition;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.source.FileEntry;
import io.feedimport.source.FileLedger;
import io.feedimport.source.FileState;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class PollerTest {

    @TempDir
    Path dir;

    Path drop;
    FileLedger ledger;
    JdbcTemplate ledgerJdbc;
    final List<String> imported = new ArrayList<>();
    final List<String> failing = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        drop = Files.createDirectories(dir.resolve("drop"));
        JdbcDataSource h2 = new JdbcDataSource();
        // a file database, as the embedded default keeps it: what the ledger saw survives a new poller
        h2.setURL("jdbc:h2:file:" + dir.resolve("db/feedimport"));
        EngineMigrations.migrate(h2);
        ledgerJdbc = new JdbcTemplate(h2);
        // each reading of the clock is a minute later: every poll is far enough from the one before
        ledger = new FileLedger(new JdbcTemplate(h2), new MinuteByMinute());
    }

    /** A poller as a restarted process builds it: new objects over the same ledger. */
    Poller poller() {
        return new Poller(new DropFolders(name -> null)::open, ledger, this::importFile, dir.resolve("incoming"));
    }

    RunSummary importFile(FeedDefinition feed, Path file, String sha256) {
        String content = read(file);
        imported.add(file.getFileName() + "=" + content);
        RunStatus status = failing.contains(content) ? RunStatus.FAILED : RunStatus.COMPLETED;
        return new RunSummary(imported.size(), feed.name(), file.toString(), status, 1, 0, 1, 0, 1, 0, 0, 0, 5,
                OffsetDateTime.now(), status == RunStatus.FAILED ? file + ":1:1: malformed XML" : null);
    }

    @Test
    void aFileIsImportedOnlyOnceItStoppedChangingBetweenTwoPolls() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.ARCHIVE, SourceDefinition.Readiness.STABLE);
        drop("export.xml", "<feed>half", Instant.parse("2026-11-22T01:40:00Z"));

        assertThat(kinds(poller().poll(feed))).containsExactly(FileEvent.Kind.WAITING);
        drop("export.xml", "<feed>whole</feed>", Instant.parse("2026-11-22T01:41:00Z"));
        assertThat(kinds(poller().poll(feed))).as("it grew since").containsExactly(FileEvent.Kind.WAITING);
        assertThat(imported).isEmpty();

        List<FileEvent> events = poller().poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.IMPORTED);
        assertThat(imported).containsExactly("export.xml=<feed>whole</feed>");
        assertThat(drop.resolve("archive/export.xml")).hasContent("<feed>whole</feed>");
        assertThat(drop.resolve("export.xml")).doesNotExist();
        assertThat(dir.resolve("incoming/offers/export.xml")).as("the local copy of an imported file is removed").doesNotExist();
    }

    @Test
    void theSameFileSeenAgainIsNotImportedAgainButNewContentUnderItsNameIs() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.KEEP, SourceDefinition.Readiness.STABLE);
        Instant time = Instant.parse("2026-11-22T01:40:00Z");
        drop("export.xml", "monday", time);
        poller().poll(feed);
        poller().poll(feed);

        assertThat(kinds(poller().poll(feed))).as("kept in place, seen by a restarted poller").containsExactly(FileEvent.Kind.NOTHING);
        drop("export.xml", "tuesday", time.plusSeconds(86_400));
        poller().poll(feed);
        poller().poll(feed);

        assertThat(imported).containsExactly("export.xml=monday", "export.xml=tuesday");
        assertThat(ledger.recent("offers", 10)).extracting(FileEntry::state).containsExactly(FileState.IMPORTED, FileState.IMPORTED);
    }

    @Test
    void aFileWhoseImportWasCutShortByACrashIsTakenAgainByTheNextPollerNotForgotten() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.ARCHIVE, SourceDefinition.Readiness.STABLE);
        drop("export.xml", "monday", Instant.parse("2026-11-22T01:40:00Z"));
        poller().poll(feed);
        Poller dying = new Poller(new DropFolders(name -> null)::open, ledger, (f, file, sha256) -> {
            throw new ProcessDied();
        }, dir.resolve("incoming"));
        assertThatThrownBy(() -> dying.poll(feed)).isInstanceOf(ProcessDied.class);
        assertThat(ledger.recent("offers", 1).get(0).state()).isEqualTo(FileState.IMPORTING);

        List<FileEvent> events = poller().poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.IMPORTED);
        assertThat(imported).containsExactly("export.xml=monday");
        assertThat(drop.resolve("archive/export.xml")).exists();
    }

    /** Stands for a kill -9 in the middle of an import: nothing after it runs. */
    static final class ProcessDied extends Error {
    }

    @Test
    void contentImportedBeforeUnderAnotherNameIsADuplicateAndIsTidiedUpWithoutAnImport() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.DELETE, SourceDefinition.Readiness.STABLE);
        drop("export-1.xml", "same", Instant.parse("2026-11-22T01:40:00Z"));
        poller().poll(feed);
        poller().poll(feed);
        drop("export-1-resent.xml", "same", Instant.parse("2026-11-22T02:40:00Z"));
        poller().poll(feed);

        List<FileEvent> events = poller().poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.DUPLICATE);
        assertThat(events.get(0).detail()).isEqualTo("same content as export-1.xml, imported by run 1");
        assertThat(imported).hasSize(1);
        assertThat(drop).isEmptyDirectory();
    }

    @Test
    void aFileWhoseImportFailedGoesToTheFailedFolderWithItsReasonAndItsLocalCopyStays() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.ARCHIVE, SourceDefinition.Readiness.STABLE);
        failing.add("broken");
        drop("export.xml", "broken", Instant.parse("2026-11-22T01:40:00Z"));
        poller().poll(feed);

        List<FileEvent> events = poller().poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.FAILED);
        assertThat(events.get(0).detail()).contains("malformed XML", "retry with: feedimport run ");
        assertThat(drop.resolve("failed/export.xml")).hasContent("broken");
        assertThat(dir.resolve("incoming/offers/export.xml")).hasContent("broken");
        assertThat(ledger.recent("offers", 1).get(0).reason()).contains("malformed XML");
        assertThat(kinds(poller().poll(feed))).containsExactly(FileEvent.Kind.NOTHING);
    }

    @Test
    void anArchiveStepThatFailedIsTriedAgainAtTheNextPollWithoutImportingTheFileAgain() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.ARCHIVE, SourceDefinition.Readiness.STABLE);
        Files.writeString(drop.resolve("archive"), "a file where the archive folder should be");
        drop("export.xml", "monday", Instant.parse("2026-11-22T01:40:00Z"));
        poller().poll(feed);

        List<FileEvent> events = poller().poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.IMPORTED, FileEvent.Kind.ERROR);
        assertThat(events.get(1).detail()).startsWith(drop + ": cannot move export.xml to " + drop.resolve("archive"));
        Files.delete(drop.resolve("archive"));

        assertThat(kinds(poller().poll(feed))).containsExactly(FileEvent.Kind.NOTHING);
        assertThat(drop.resolve("archive/export.xml")).exists();
        assertThat(imported).hasSize(1);
    }

    @Test
    void withMarkersAFileIsTakenWhenItsMarkerArrivesAndPartialAndUnsafeNamesAreNeverTaken() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.DELETE, SourceDefinition.Readiness.MARKER);
        drop("export.xml", "whole", Instant.parse("2026-11-22T01:40:00Z"));
        drop("export.xml.part", "half", Instant.parse("2026-11-22T01:40:00Z"));
        drop("sub\\..\\evil.xml", "x", Instant.parse("2026-11-22T01:40:00Z"));

        assertThat(kinds(poller().poll(feed))).containsExactlyInAnyOrder(FileEvent.Kind.WAITING, FileEvent.Kind.REFUSED);
        drop("export.xml.done", "", Instant.parse("2026-11-22T01:41:00Z"));
        List<FileEvent> events = poller().poll(feed);

        assertThat(events).filteredOn(e -> e.kind() == FileEvent.Kind.IMPORTED).extracting(FileEvent::file)
                .containsExactly("export.xml");
        assertThat(imported).containsExactly("export.xml=whole");
        assertThat(drop.resolve("export.xml")).doesNotExist();
        assertThat(drop.resolve("export.xml.done")).as("the marker goes with its file").doesNotExist();
        assertThat(drop.resolve("export.xml.part")).exists();
    }

    @Test
    void aFileWaitingLongerThanReadyTimeoutIsReportedAsStalled() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.KEEP, SourceDefinition.Readiness.MARKER, Duration.ofSeconds(30));
        drop("export.xml", "whole", Instant.parse("2026-11-22T01:40:00Z"));
        assertThat(kinds(poller().poll(feed))).containsExactly(FileEvent.Kind.WAITING);

        List<FileEvent> events = poller().poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.STALLED);
        assertThat(events.get(0).detail()).startsWith("without its marker export.xml.done for ");
        assertThat(ledger.recent("offers", 1).get(0).reason()).as("files shows why it waits")
                .startsWith("stalled: without its marker export.xml.done for ");
    }

    @Test
    void aDownloadThatBreaksMidWayIsTakenAgainAndOnlyTheWholeFileIsImported() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.KEEP, SourceDefinition.Readiness.STABLE);
        drop("export.xml", "<feed>" + "x".repeat(10_000) + "</feed>", Instant.parse("2026-11-22T01:40:00Z"));
        int[] breaks = {2};
        Poller flaky = new Poller(source -> new BreakingFolder(new LocalDropFolder(drop), breaks), ledger, this::importFile,
                dir.resolve("incoming"));
        flaky.poll(feed);

        List<FileEvent> events = flaky.poll(feed);

        assertThat(kinds(events)).containsExactly(FileEvent.Kind.IMPORTED);
        assertThat(breaks[0]).as("both broken downloads were tried again").isZero();
        assertThat(imported).containsExactly("export.xml=<feed>" + "x".repeat(10_000) + "</feed>");
        assertThat(dir.resolve("incoming/offers")).isEmptyDirectory();
    }

    /** A folder whose downloads break after half the file, as a dropped connection does, a given number of times. */
    record BreakingFolder(DropFolder folder, int[] breaks) implements DropFolder {
        @Override
        public String describe() {
            return folder.describe();
        }

        @Override
        public List<DroppedFile> list() {
            return folder.list();
        }

        @Override
        public void read(String name, java.io.OutputStream target) {
            if (breaks[0] > 0) {
                breaks[0]--;
                java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
                folder.read(name, whole);
                try {
                    target.write(whole.toByteArray(), 0, whole.size() / 2);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new DropFolderException(describe() + ": cannot download " + name + ": Connection reset");
            }
            folder.read(name, target);
        }

        @Override
        public void moveTo(String name, String to) {
            folder.moveTo(name, to);
        }

        @Override
        public void delete(String name) {
            folder.delete(name);
        }

        @Override
        public void close() {
            folder.close();
        }
    }

    @Test
    void aMissingFolderIsOneClearErrorAndAnEmptyOneSaysSo() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.KEEP, SourceDefinition.Readiness.STABLE);
        assertThat(poller().poll(feed)).extracting(FileEvent::detail).containsExactly("no file to import");
        Files.delete(drop);

        assertThat(poller().poll(feed)).extracting(FileEvent::kind, FileEvent::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FileEvent.Kind.ERROR, drop + ": cannot list: no such file or folder " + drop));
    }

    @Test
    void twoPollsInQuickSuccessionDoNotMakeAGrowingFileLookComplete() throws IOException {
        FeedDefinition feed = feed(SourceDefinition.After.KEEP, SourceDefinition.Readiness.STABLE);
        FileLedger sameSecond = new FileLedger(ledgerJdbc, Clock.fixed(Instant.parse("2026-11-22T00:59:00Z"), ZoneOffset.UTC));
        Poller quick = new Poller(new DropFolders(name -> null)::open, sameSecond, this::importFile, dir.resolve("incoming"));
        drop("export.xml", "<feed>half", Instant.parse("2026-11-22T01:40:00Z"));
        drop("empty.xml", "", Instant.parse("2026-11-22T01:40:00Z"));

        quick.poll(feed);
        List<FileEvent> events = quick.poll(feed);

        assertThat(events).extracting(FileEvent::detail).containsExactlyInAnyOrder("unchanged for less than 1s", "empty so far");
        assertThat(kinds(poller().poll(feed))).containsExactly(FileEvent.Kind.WAITING, FileEvent.Kind.IMPORTED);
    }

    @Test
    void withAQuietPeriodOnePollTakesAFileUntouchedForAnHourButNotOneJustWritten() throws IOException {
        SourceDefinition quiet = new SourceDefinition(new SourceDefinition.Local(drop), "*.xml", SourceDefinition.Readiness.STABLE,
                null, SourceDefinition.DEFAULT_IGNORE, SourceDefinition.After.KEEP, "archive", "failed",
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(2));
        FeedDefinition feed = new FeedDefinition("offers", dir.resolve("offers.yml"), null, List.of(), null, null, 500, null,
                quiet, null, null, null, true);
        FileLedger atTwo = new FileLedger(ledgerJdbc, Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC));
        Poller once = new Poller(new DropFolders(name -> null)::open, atTwo, this::importFile, dir.resolve("incoming"));
        drop("finished.xml", "<feed>whole</feed>", Instant.parse("2026-11-22T01:00:00Z"));
        drop("uploading.xml", "<feed>ha", Instant.parse("2026-11-22T01:59:30Z"));

        List<FileEvent> events = once.poll(feed);

        assertThat(events).extracting(FileEvent::file, FileEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("finished.xml", FileEvent.Kind.IMPORTED),
                org.assertj.core.groups.Tuple.tuple("uploading.xml", FileEvent.Kind.WAITING));
        assertThat(imported).containsExactly("finished.xml=<feed>whole</feed>");
    }

    /** A clock that is a minute later each time it is read. */
    static final class MinuteByMinute extends Clock {
        private Instant now = Instant.parse("2026-11-22T01:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(60);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private FeedDefinition feed(SourceDefinition.After after, SourceDefinition.Readiness ready) {
        return feed(after, ready, Duration.ofHours(1));
    }

    private FeedDefinition feed(SourceDefinition.After after, SourceDefinition.Readiness ready, Duration readyTimeout) {
        SourceDefinition source = new SourceDefinition(new SourceDefinition.Local(drop), "*.xml", ready,
                ready == SourceDefinition.Readiness.MARKER ? ".done" : null, SourceDefinition.DEFAULT_IGNORE, after,
                "archive", "failed", Duration.ofSeconds(60), readyTimeout);
        return new FeedDefinition("offers", dir.resolve("offers.yml"), null, List.of(), null, null, 500, null, source, null, null, null, true);
    }

    private void drop(String name, String content, Instant modified) throws IOException {
        Path file = drop.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<FileEvent.Kind> kinds(List<FileEvent> events) {
        return events.stream().map(FileEvent::kind).toList();
    }
}
