package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.migration.EngineMigrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file's checksum is read from its bytes once per version of the file: while nothing about it changed, a resumed
 * run learns which run it is without reading the file again; any write, a copy, or a file still being written means
 * reading it.
 */
class FileChecksumsTest {

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    final List<Path> read = new ArrayList<>();
    /** As when the file was written a while before the command: its times are settled. */
    final Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:file-checksums-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        jdbc = new JdbcTemplate(h2);
    }

    private FileChecksums checksums(Clock clock) {
        return new FileChecksums(jdbc, clock, "host-a", file -> {
            read.add(file);
            return FileFingerprint.of(file);
        });
    }

    @Test
    void anUnchangedFileIsReadOnceAndItsChecksumIsTheSHA256OfItsBytes() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers/>");

        String first = checksums(later).of(file);
        String again = checksums(later).of(file);

        assertThat(first).isEqualTo(again).isEqualTo(FileFingerprint.of(file)).hasSize(64);
        assertThat(read).containsExactly(file);
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndItsModificationTimeSetBackIsReadAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers a='1'/>");
        FileTime modified = Files.getLastModifiedTime(file);
        String before = checksums(later).of(file);
        Thread.sleep(20); // past the file system's clock tick, as any real rewrite is

        Files.writeString(file, "<offers a='2'/>");
        Files.setLastModifiedTime(file, modified);

        assertThat(checksums(later).of(file)).isNotEqualTo(before).isEqualTo(FileFingerprint.of(file));
        assertThat(read).hasSize(2);
    }

    @Test
    void aCopyOfTheSameBytesIsAnotherFileAndIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers/>");
        String original = checksums(later).of(file);

        Path copy = Files.copy(file, dir.resolve("copy.xml"));

        assertThat(checksums(later).of(copy)).isEqualTo(original);
        assertThat(read).containsExactly(file, copy);
    }

    @Test
    void aFileChangedMomentsBeforeItWasReadIsNotRemembered() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers/>");

        checksums(Clock.systemUTC()).of(file);
        checksums(Clock.systemUTC()).of(file);

        assertThat(read).as("a second write within the clock's tick would leave its times as they were").hasSize(2);
    }

    @Test
    void theSamePathOnAnotherHostIsAnotherFile() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers/>");
        checksums(later).of(file);

        new FileChecksums(jdbc, later, "host-b", path -> {
            read.add(path);
            return FileFingerprint.of(path);
        }).of(file);

        assertThat(read).hasSize(2);
    }

    @Test
    void aChecksumReadWhileTheEngineStartedIsTakenAndRememberedWhenTheFileStoodStill() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers/>");
        EarlyChecksum early = EarlyChecksum.start(file, "host-a", later);

        assertThat(checksums(later).of(file, early)).isEqualTo(FileFingerprint.of(file));
        assertThat(checksums(later).of(file)).isEqualTo(FileFingerprint.of(file));
        assertThat(read).as("neither the run nor the next one read it again").isEmpty();
    }

    @Test
    void aFileWrittenAfterItsEarlyReadingBeganIsReadAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers a='1'/>");
        EarlyChecksum early = EarlyChecksum.start(file, "host-a", later);
        early.await();
        Thread.sleep(20); // past the file system's clock tick, as any real write is

        Files.writeString(file, "<offers a='22'/>");

        assertThat(checksums(later).of(file, early)).isEqualTo(FileFingerprint.of(file));
        assertThat(read).containsExactly(file);
    }

    @Test
    void aFileWrittenWhileItsEarlyReadingGoesOnIsReadAgainWithoutWaitingForThatReading() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers a='1'/>");
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        EarlyChecksum early = EarlyChecksum.start(file, "host-a", later, (path, stop) -> {
            reading.countDown();
            while (!stop.getAsBoolean()) { // a 1 GB export, read until told to stop
                Thread.onSpinWait();
            }
            return null;
        });
        assertThat(reading.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread.sleep(20); // past the file system's clock tick, as any real write is

        Files.writeString(file, "<offers a='22'/>");

        String checksum = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> checksums(later).of(file, early));
        assertThat(checksum).isEqualTo(FileFingerprint.of(file));
        assertThat(early.await()).as("stopped, not read to its end").isNull();
    }

    @Test
    void aRememberedChecksumStopsTheEarlyReading() throws Exception {
        Path file = Files.writeString(dir.resolve("offers.xml"), "<offers/>");
        String remembered = checksums(later).of(file);
        EarlyChecksum early = EarlyChecksum.start(file, "host-a", later);

        assertThat(checksums(later).of(file, early)).isEqualTo(remembered);
        assertThat(read).hasSize(1);
    }
}
