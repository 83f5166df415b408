package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poll} and {@code files} as users run them: the packaged CLI over a local drop folder and the sample feed. */
class PollCommandIT {

    @TempDir
    Path dir;

    Path drop;
    CliProcess cli;

    @BeforeEach
    void feedWithADropFolder() throws Exception {
        drop = Files.createDirectories(dir.resolve("drop"));
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("offers.yml"), FeedImportCliIT.sampleWithSource(
                "source:\n  local: { dir: ../drop }\n  pattern: \"*.xml\"\n  after: archive\n"));
        cli = new CliProcess(dir.resolve("data"), dir);
    }

    @Test
    void aDroppedExportIsImportedAtTheSecondPollArchivedAndListedOnceEvenWhenSentAgain() throws Exception {
        Files.copy(FeedImportCliIT.SAMPLE, drop.resolve("export_2026-11-22.xml"));

        CliProcess.Result first = cli.run("poll", "offers");
        Thread.sleep(1100);
        CliProcess.Result second = cli.run("poll", "offers");
        Files.copy(FeedImportCliIT.SAMPLE, drop.resolve("export_2026-11-22-resent.xml"));
        cli.run("poll", "offers");
        Thread.sleep(1100);
        CliProcess.Result resent = cli.run("poll", "offers");
        CliProcess.Result files = cli.run("files", "offers");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith("waiting   export_2026-11-22.xml");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("imported  export_2026-11-22.xml", "run 1: 300 read, 15 skipped, 285 persisted");
        assertThat(drop.resolve("archive/export_2026-11-22.xml")).exists();
        assertThat(resent.out()).contains("duplicate export_2026-11-22-resent.xml",
                "same content as export_2026-11-22.xml, imported by run 1");
        assertThat(files.out().lines().skip(1).toList()).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("export_2026-11-22.xml").contains("imported"))
                .anySatisfy(line -> assertThat(line).startsWith("export_2026-11-22-resent.xml").contains("duplicate"));
        assertThat(cli.run("runs").out().lines().count()).as("one run only").isEqualTo(2);
    }

    @Test
    void onePollFromCronImportsAnExportFinishedAnHourAgoButNotOneJustWritten() throws Exception {
        Path finished = Files.copy(FeedImportCliIT.SAMPLE, drop.resolve("export_2026-11-21.xml"));
        Files.setLastModifiedTime(finished, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Files.copy(FeedImportCliIT.SAMPLE, drop.resolve("export_2026-11-22.xml"));

        CliProcess.Result poll = cli.run("poll", "offers");

        assertThat(poll.exitCode()).as(poll.err()).isZero();
        assertThat(poll.out()).contains("imported  export_2026-11-21.xml", "run 1: 300 read, 15 skipped, 285 persisted")
                .contains("waiting   export_2026-11-22.xml");
        assertThat(drop.resolve("archive/export_2026-11-21.xml")).exists();
        assertThat(drop.resolve("export_2026-11-22.xml")).as("a file written just now waits for a second poll").exists();
    }

    @Test
    void aFeedWithoutSourceCannotBePolledAndSaysHowToImportInstead() throws Exception {
        Path jobs = Files.createDirectories(dir.resolve("plain-jobs"));
        Files.writeString(jobs.resolve("offers.yml"), FeedImportCliIT.sampleWithSource(""));

        CliProcess.Result result = cli.run("poll", "offers", "--jobs", jobs.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has no source: to poll; import a file with ",
                "feedimport.jar run " + jobs.resolve("offers.yml") + " --file FILE");
    }
}
