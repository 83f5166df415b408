package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feedimport daemon} as users run it: two daemon processes over one database and one drop folder (as two
 * machines would share them) import each file once; a cron pick-up that finds nothing is in the run list; given a
 * port, a daemon serves its health, its metrics and the review page.
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

    @Test
    void aDaemonGivenAPortServesItsHealthTheMetricsOfWhatItImportedAndTheReviewPage() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("offers.yml"), FeedImportCliIT.sampleWithSource(
                "source:\n  local: { dir: ../drop }\n  pattern: \"*.xml\"\n  pollEvery: 1s\n"));
        CliProcess.Running daemon = daemon(new CliProcess(dir.resolve("data"), dir), "--port", "0");
        Matcher served = Pattern.compile("review page on http://127.0.0.1:(\\d+)/").matcher(daemon.errSoFar());
        assertThat(served.find()).as(daemon.errSoFar()).isTrue();
        String base = "http://localhost:" + served.group(1) + "/";

        Files.copy(FeedImportCliIT.SAMPLE, drop.resolve("offers.xml"));
        awaitArchived(drop, 1);

        String metrics = get(base + "actuator/prometheus");
        assertThat(metrics).contains("feedimport_records_read_total{feed=\"offers\"} 300.0",
                "feedimport_records_published_total{feed=\"offers\"} 285.0",
                "feedimport_records_persisted_total{feed=\"offers\"} 285.0",
                "feedimport_records_skipped_total{feed=\"offers\",field=\"price\",rule=\"min\"} 1.0",
                "feedimport_records_parked_total{feed=\"offers\"} 0.0",
                "feedimport_queue_depth{feed=\"offers\",queue=\"main\"} 0.0");
        assertThat(metrics).containsPattern("feedimport_parse_seconds_count\\{feed=\"offers\"} [1-9]")
                .containsPattern("feedimport_upsert_seconds_count\\{feed=\"offers\"} [1-9]");
        assertThat(get(base + "actuator/health")).startsWith("{").contains("\"status\":\"UP\"", "\"db\"");
        assertThat(get(base + "runs")).contains("data-run=\"1\"", "offers.xml");
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private CliProcess.Running daemon(CliProcess cli, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("daemon", "--jobs", dir.resolve("jobs").toString()));
        args.addAll(List.of(options));
        CliProcess.Running daemon = cli.start(args.toArray(String[]::new));
        started.add(daemon.process());
        daemon.awaitErr("feedimport daemon: picking up", Duration.ofSeconds(60));
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
