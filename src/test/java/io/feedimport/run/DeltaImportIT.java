package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delta at the source, on the embedded default: a record whose content is the one last committed for its key is
 * counted unchanged by the importer and never sent; everything else travels as before, and the counts reconcile.
 */
class DeltaImportIT {

    private static final String SAMPLE = "src/test/resources/feeds/small-offers.xml";

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static ImportRunner runner;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.NONE)
                .run("--feedimport.data-dir=" + data);
        runner = context.getBean(ImportRunner.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void anUnchangedExportSendsNothingAndStillReconciles() throws IOException {
        FeedDefinition feed = offers("same", "");
        RunSummary first = runner.run(feed, copy("same.xml"));

        RunSummary second = runner.run(feed, copy("same.xml"));

        assertThat(first.published()).isEqualTo(3);
        assertThat(second.status()).as(second.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.read()).isEqualTo(5);
        assertThat(second.skipped()).isEqualTo(2);
        assertThat(second.published()).isZero();
        assertThat(second.unchangedAtSource()).isEqualTo(3);
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.persisted()).isZero();
        assertThat(second.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_outcome WHERE run_id = ?", Long.class, second.runId()))
                .as("no consumer saw a record of the second run").isZero();
        assertThat(context.getBean(RunLedger.class).find(second.runId()).orElseThrow().unchangedAtSource()).isEqualTo(3);
    }

    @Test
    void onlyTheChangedRecordTravels() throws IOException {
        FeedDefinition feed = offers("changed", "");
        runner.run(feed, copy("changed-1.xml"));

        RunSummary second = runner.run(feed, write("changed-2.xml", sample()
                .replace("<title>Studio in München</title>", "<title>Studio in München, renovated</title>")));

        assertThat(second.published()).isEqualTo(1);
        assertThat(second.persisted()).isEqualTo(1);
        assertThat(second.unchangedAtSource()).isEqualTo(2);
        assertThat(second.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT title FROM changed WHERE id = 'OF-000002'", String.class))
                .isEqualTo("Studio in München, renovated");
    }

    @Test
    void aChangedMappingSendsEveryRecordOnce() throws IOException {
        runner.run(offers("remapped", ""), copy("remapped-1.xml"));
        FeedDefinition unversioned = unversioned("remapped");

        RunSummary second = runner.run(unversioned, copy("remapped-2.xml"));
        RunSummary third = runner.run(unversioned, copy("remapped-3.xml"));

        assertThat(second.published()).as("the target's version field changed").isEqualTo(3);
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.reconciles()).isTrue();
        assertThat(third.published()).as("the fingerprints are those of the new mapping now").isZero();
        assertThat(third.unchangedAtSource()).isEqualTo(3);
    }

    @Test
    void fullAndDeltaOffSendEveryRecord() throws IOException {
        FeedDefinition feed = offers("full_run", "");
        runner.run(feed, copy("full-1.xml"));

        RunSummary full = runner.run(feed, copy("full-2.xml"), RunProgress.NONE, true);
        RunSummary deltaOff = runner.run(offers("full_run", "delta: false\n"), copy("full-3.xml"));
        RunSummary after = runner.run(feed, copy("full-4.xml"));

        assertThat(full.published()).isEqualTo(3);
        assertThat(full.unchangedAtSource()).isZero();
        assertThat(full.unchanged()).as("the consumer finds them as stored").isEqualTo(3);
        assertThat(full.reconciles()).isTrue();
        assertThat(deltaOff.published()).isEqualTo(3);
        assertThat(deltaOff.reconciles()).isTrue();
        assertThat(after.published()).isZero();
    }

    @Test
    void aParkedRecordIsSentAgainByTheNextRun() throws IOException {
        FeedDefinition feed = offers("parked_again", "");
        context.getBean(io.feedimport.store.EntityTable.class).ensure(feed);
        jdbc.execute("CREATE TABLE parking_guard (blocked BOOLEAN)");
        jdbc.execute("INSERT INTO parking_guard VALUES (true)");
        jdbc.execute("CREATE TRIGGER refuse_second_again BEFORE INSERT ON parked_again FOR EACH ROW CALL \""
                + ImportRunIT.RefuseSecondOffer.class.getName() + "\"");
        RunSummary parked = runner.run(feed, copy("parked-1.xml"));
        jdbc.update("UPDATE parking_guard SET blocked = false");

        RunSummary next = runner.run(feed, copy("parked-2.xml"));

        assertThat(parked.parked()).as(parked.toJson()).isEqualTo(1);
        assertThat(next.published()).as("the parked record's content was never committed").isEqualTo(1);
        assertThat(next.persisted()).isEqualTo(1);
        assertThat(next.unchangedAtSource()).isEqualTo(2);
        assertThat(next.reconciles()).isTrue();
        assertThat(jdbc.queryForList("SELECT id FROM parked_again ORDER BY id", String.class))
                .containsExactly("OF-000001", "OF-000002", "OF-000005");
    }

    @Test
    void aKeyTwiceInOneFileEndsAsItsLastRecordEvenWhenThatOneIsUnchanged() throws IOException {
        // one record per chunk: the two records of the key are compared in different chunks
        FeedDefinition feed = load("twice_in_file",
                unversionedDefinition("twice_in_file").replace("chunkSize: 500", "chunkSize: 1"));
        runner.run(feed, copy("twice-1.xml"));
        String sample = sample();
        int second = sample.indexOf("<offer id=\"OF-000002\"");
        String studio = sample.substring(second, sample.indexOf("</offer>", second) + "</offer>".length());
        String earlier = studio.replace("<title>Studio in München</title>", "<title>Studio, an earlier text</title>");

        RunSummary run = runner.run(feed, write("twice-2.xml", sample.replace(studio, earlier + "\n    " + studio)));

        assertThat(run.read()).isEqualTo(6);
        assertThat(run.published()).as("the changed record and the unchanged one after it").isEqualTo(2);
        assertThat(run.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT title FROM twice_in_file WHERE id = 'OF-000002'", String.class))
                .isEqualTo("Studio in München");
    }

    private static FeedDefinition offers(String table, String extra) throws IOException {
        return load(table, sampleDefinition(table, extra));
    }

    /** The sample feed without its version field: a record is stored whatever its updatedAt says. */
    private static FeedDefinition unversioned(String table) throws IOException {
        return load(table, unversionedDefinition(table));
    }

    private static String unversionedDefinition(String table) throws IOException {
        String yaml = sampleDefinition(table, "");
        String version = "  version: updatedAt";
        assertThat(yaml).contains(version).contains("chunkSize: 500");
        return yaml.replace(version, "");
    }

    private static String sampleDefinition(String table, String extra) throws IOException {
        return extra + Files.readString(Path.of("jobs/offers-xml.yml")).replace("table: offer", "table: " + table)
                .replace("skipLimit: 10%", "skipLimit: 50%");
    }

    private static FeedDefinition load(String name, String yaml) throws IOException {
        return new FeedDefinitionLoader().load(Files.writeString(data.resolve(name + "-" + System.nanoTime() + ".yml"), yaml));
    }

    private static String sample() throws IOException {
        return Files.readString(Path.of(SAMPLE));
    }

    private static Path copy(String name) throws IOException {
        return Files.copy(Path.of(SAMPLE), data.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(data.resolve(name), content);
    }
}
