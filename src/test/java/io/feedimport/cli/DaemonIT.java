package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feedimport daemon} as users run it: two daemon processes over one database and one drop folder (as two
 * machines would share them) import each file once; a cron pick-up that finds nothing is in the run list.
 */
class DaemonIT {

    @TempDir
    Path dir;

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process process : started) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void twoDaemonsOverOneFolderImportEachFileOnceAndAnEmptyCronPickupIsListed() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Files.createDirectories(dir.resolve("nightly"));
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("offers.yml"), FeedImportCliIT.sampleWithSource(
                "source:\n  local: { dir: ../drop }\n  pattern: \"*.xml\"\n  pollEvery: 1s\n"));
        Files.writeString(jobs.resolve("nightly.yml"), FeedImportCliIT.sampleWithSource(
                        "source:\n  local: { dir: ../nightly }\n  pollEvery: 1s\n  readyTimeout: 2s\nschedule: \"*/2 * * * * *\"\n")
                .replace("name: offers", "name: nightly").replace("table: offer ", "table: nightly_offer "));
        CliProcess cli = new CliProcess(dir.resolve("data"), dir);
        List<Path> exports = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path export = dir.resolve("export-" + i + ".xml");
            cli.run("generate", "offers", "--records", "2000", "--seed", String.valueOf(i), "--out", export.toString());
            exports.add(export);
        }

        CliProcess.Running first = daemon(cli);
        CliProcess.Running second = daemon(cli);
        for (Path export : exports) {
            Files.copy(export, drop.resolve(export.getFileName()));
        }
        awaitArchived(drop, exports.size());
        String files = cli.run("files", "offers").out();
        String runs = cli.run("runs").out();

        assertThat(files.lines().filter(line -> line.contains(" imported ")).count()).as(files).isEqualTo(4);
        assertThat(runs.lines().filter(line -> line.contains(" offers ") && line.contains("COMPLETED")).count())
                .as("one run per file, none twice: " + runs).isEqualTo(4);
        assertThat(runs).contains("pick-ups that imported nothing:").containsPattern("nightly +cron +NO_FILE");
        assertThat(first.errSoFar() + second.errSoFar()).contains("feedimport daemon: picking up").doesNotContain("Exception");
    }

    private CliProcess.Running daemon(CliProcess cli) throws Exception {
        CliProcess.Running daemon = cli.start("daemon", "--jobs", dir.resolve("jobs").toString());
        started.add(daemon.process());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!daemon.errSoFar().contains("feedimport daemon: picking up")) {
            assertThat(daemon.process().isAlive()).as("daemon died: " + daemon.errSoFar()).isTrue();
            assertThat(System.nanoTime()).as("daemon did not start within 60s").isLessThan(deadline);
            Thread.sleep(100);
        }
        return daemon;
    }

    private static void awaitArchived(Path drop, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Path archive = drop.resolve("archive");
        while (!Files.isDirectory(archive) || Files.list(archive).count() < count) {
            assertThat(System.nanoTime()).as("files not all archived within 2 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
