package io.feedimport.cli;

import static io.feedimport.cli.Postgres.count;
import static io.feedimport.cli.Postgres.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged CLI tells a user to type next, typed as printed: a run under a profile of the user's own (its
 * database in PostgreSQL) with its definitions in a folder whose name needs quoting, which parks a record.
 * The import runs once for the class; the replay comes last, since it empties what the page test looks at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliHintsIT {

    static final String SCHEMA = "feedimport_cli_hints_it";
    static final String PROFILE = "hintsit";

    @TempDir
    static Path dir;

    Path jobs;
    CliProcess cli;
    CliProcess.Result parking;

    @BeforeAll
    void importTwiceUnderAProfileTheSecondTimeParkingARecord() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        // a profile of the user's own, found in the working directory as Spring Boot does: the database it selects
        // is not the default one, so a hint without --profile would look in the wrong place
        Files.writeString(dir.resolve("application-" + PROFILE + ".yml"), "spring:\n  datasource:\n    url: "
                + Postgres.SERVER + "?currentSchema=" + SCHEMA + "\n    username: postgres\n    password: \"\"\n");
        jobs = Files.createDirectories(dir.resolve("my jobs"));
        Files.copy(FeedImportCliIT.JOB, jobs.resolve("offers.yml"));
        cli = new CliProcess(dir.resolve("data"), dir);
        CliProcess.Result first = cli.run("run", jobs.resolve("offers.yml").toString(), "--file", FeedImportCliIT.SAMPLE.toString(),
                "--profile", PROFILE);
        assertThat(first.exitCode()).as(first.err()).isZero();
        // a conflict PostgreSQL reports as transient, every time, for one offer: it is retried, then parked
        Postgres.refuseOffer(SCHEMA, "OF-000010");
        Path second = dir.resolve("offers-next-day.xml");
        Files.writeString(second, Files.readString(FeedImportCliIT.SAMPLE, StandardCharsets.UTF_8).replace(
                "<updated>2026-10-01T15:56:22Z</updated>", "<updated>2026-11-01T15:56:22Z</updated>"), StandardCharsets.UTF_8);
        parking = cli.run("run", jobs.resolve("offers.yml").toString(), "--file", second.toString(), "--profile", PROFILE);
    }

    @AfterAll
    void dropSchema() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    @Order(1)
    void aRunThatParkedRecordsSaysSoInItsStatusAndExits1() {
        assertThat(parking.exitCode()).as(parking.err()).isEqualTo(ExitCode.FAILED);
        assertThat(parking.out()).contains("run 2 of feed offers: COMPLETED WITH 1 PARKED in ", "parked     1")
                .doesNotContain("offers: COMPLETED in");
    }

    @Test
    @Order(2)
    void aFeedNoDefinitionAndNoRunKnowsIsOneLineNamingTheKnownFeedsAndExit2() throws Exception {
        CliProcess.Result unknown = cli.run("parked", "nosuchfeed", "--profile", PROFILE, "--jobs", jobs.toString());
        CliProcess.Result known = cli.run("parked", "offers", "--run", "1", "--profile", PROFILE, "--jobs", jobs.toString());

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err().lines().toList()).singleElement().asString()
                .isEqualTo("feedimport parked: no feed named 'nosuchfeed': no run has it and " + jobs
                        + " does not define it (known feeds: offers)");
        assertThat(known.exitCode()).as(known.err()).isZero();
        assertThat(known.out()).isEqualTo("no parked records for feed offers in run 1\n");
    }

    @Test
    @Order(3)
    void servedWithoutDefinitionsThePageOffersNoReplayButSaysHowAndAReplayPostedAnywayIsRefusedWithTheReason() throws Exception {
        CliProcess.Running serve = cli.start("serve", "--port", "0", "--profile", PROFILE);
        try {
            String base = "http://localhost:" + port(serve) + "/";
            HttpClient http = HttpClient.newHttpClient();

            String page = http.send(HttpRequest.newBuilder(URI.create(base + "parked")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String runPage = http.send(HttpRequest.newBuilder(URI.create(base + "runs/2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "api/parked/2/10/replay"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(serve.errSoFar()).contains("no feed definitions", "cannot replay");
            assertThat(page).contains("data-record=\"10\"", "start serve with --jobs DIR").doesNotContain("class=\"replay\"");
            assertThat(runPage).contains("COMPLETED WITH 1 PARKED", "status attention", "start serve with --jobs DIR")
                    .doesNotContain("id=\"replay-all\"");
            assertThat(posted.body()).contains("\"handled\":false", "not replayed", "start serve with --jobs DIR");
            assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_parked")).as("nothing was replayed").isEqualTo(1);
        } finally {
            serve.process().destroy();
            serve.process().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(4)
    void theHintsTypedAsPrintedReachTheSameDatabaseAndDefinitions() throws Exception {
        String why = group(parking.out(), "\\(why: (.+)\\)");
        String review = group(parking.err(), "review them with: (.+); after fixing the cause");
        String replay = group(parking.err(), "after fixing the cause: (.+)$");
        Postgres.releaseOffer(SCHEMA);

        CliProcess.Result report = shell(why);
        CliProcess.Result parked = shell(review);
        CliProcess.Result replayed = shell(replay);

        assertThat(review).contains("--profile " + PROFILE, "--jobs '" + jobs + "'");

        assertThat(report.exitCode()).as(why + ": " + report.err()).isZero();
        assertThat(report.out()).contains("run 2 (offers, COMPLETED): 15 records skipped");
        assertThat(parked.exitCode()).as(review + ": " + parked.err()).isZero();
        assertThat(parked.out()).contains("conflicts with a concurrent update", "1 parked; after fixing the cause: " + replay);
        assertThat(replayed.exitCode()).as(replay + ": " + replayed.err()).isZero();
        assertThat(replayed.out()).startsWith("replayed 1 parked record(s) of feed offers");
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_parked")).isZero();
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text).isTrue();
        return matcher.group(1);
    }

    /** The line as a user pastes it into a shell, in the same working directory, with nothing else set. */
    private static CliProcess.Result shell(String line) throws Exception {
        Path out = Files.createTempFile(dir, "hint-out", ".txt");
        Path err = Files.createTempFile(dir, "hint-err", ".txt");
        Process process = new ProcessBuilder("bash", "-c", line).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in 2 minutes: " + line);
        }
        return new CliProcess.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static int port(CliProcess.Running serve) throws Exception {
        Pattern served = Pattern.compile("review page on http://[^:/]+:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher matcher = served.matcher(serve.errSoFar());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            assertThat(serve.process().isAlive()).as("serve stopped: " + serve.errSoFar()).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not say where it serves within 90 s: " + serve.errSoFar());
    }
}
