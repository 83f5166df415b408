package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipEntry;
import io.feedimport.report.SkipReportStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import io.feedimport.transport.ParkedReplay;

/** Whole runs on the embedded default (file-based H2, in-process transport), through the Spring Batch job. */
class ImportRunIT {

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static ImportRunner runner;
    static JdbcTemplate jdbc;

    /** Each test imports into a table of its own, so tests do not see each other's offers. */
    private static FeedDefinition offers(String table) throws IOException {
        return feed(table, "skipLimit: 50%");
    }

    private static FeedDefinition feed(String table, String skipLimit) throws IOException {
        Path yaml = write(table + ".yml", Files.readString(Path.of("jobs/offers-xml.yml"))
                .replace("table: offer", "table: " + table).replace("skipLimit: 10%", skipLimit));
        return new FeedDefinitionLoader().load(yaml);
    }

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
    void aFileIsImportedAndEveryRecordIsAccountedFor() throws IOException {
        Path file = copy("src/test/resources/feeds/small-offers.xml", "accounted.xml");

        RunSummary run = runner.run(offers("accounted"), file);

        assertThat(run.status()).as(run.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.read()).isEqualTo(5);
        assertThat(run.skipped()).isEqualTo(2);
        assertThat(run.published()).isEqualTo(3);
        assertThat(run.persisted()).isEqualTo(3);
        assertThat(run.reconciles()).isTrue();
        assertThat(jdbc.queryForList("SELECT id FROM accounted ORDER BY id", String.class))
                .containsExactly("OF-000001", "OF-000002", "OF-000005");
        assertThat(jdbc.queryForObject("SELECT city FROM accounted WHERE id = 'OF-000001'", String.class)).isEqualTo("София");

        List<SkipEntry> skips = context.getBean(SkipReportStore.class).entries(run.runId());
        assertThat(skips).extracting(SkipEntry::recordNumber, SkipEntry::line, SkipEntry::key, SkipEntry::field, SkipEntry::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, 24, "OF-000003", "price", "min"),
                        org.assertj.core.groups.Tuple.tuple(4L, 30, "OF-000004", "kind", "values"),
                        org.assertj.core.groups.Tuple.tuple(4L, 30, "OF-000004", "currency", "values"));
    }

    @Test
    void importingTheSameFileAgainIsANewRunThatFindsEverythingUnchanged() throws IOException {
        Path file = copy("src/test/resources/feeds/small-offers.xml", "twice.xml");

        FeedDefinition offers = offers("twice");
        RunSummary first = runner.run(offers, file);
        RunSummary second = runner.run(offers, file);

        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.persisted()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM twice WHERE id IN ('OF-000001','OF-000002','OF-000005')", Long.class))
                .isEqualTo(3);
    }

    @Test
    void preparedAndComputedValuesAreStoredAndAChangedMapSendsTheRecordsItChanges() throws IOException {
        Path file = copy("src/test/resources/feeds/small-offers.xml", "prepared.xml");
        String fields = "  area:        { path: area, type: decimal, min: 1, max: 100000 }\n";
        String prepared = Files.readString(Path.of("jobs/offers-xml.yml")).replace("table: offer", "table: prepared")
                .replace("skipLimit: 10%", "skipLimit: 50%")
                .replace(fields, fields + "  pricePerM2:  { compute: \"price / area\", type: decimal, scale: 2 }\n"
                        + "  kindCode:    { path: \"@type\", type: string, transform: [upper], map: { SALE: S, RENT: R },"
                        + " unmapped: reject }\n  floor:       { path: floor, type: integer, default: 0 }\n");

        RunSummary first = runner.run(new FeedDefinitionLoader().load(write("prepared.yml", prepared)), file);

        assertThat(first.status()).as(first.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(first.persisted()).isEqualTo(3);
        // only OF-000001 has an area: without it, price / area is missing, not an error
        assertThat(jdbc.queryForList("SELECT id || ' ' || kind_code || ' ' || COALESCE(CAST(price_per_m2 AS VARCHAR), '-')"
                + " || ' ' || floor FROM prepared ORDER BY id", String.class))
                .satisfiesExactly(row -> assertThat(row).matches("OF-000001 S \\d+\\.\\d{2} 0"),
                        row -> assertThat(row).isEqualTo("OF-000002 R - 0"), row -> assertThat(row).isEqualTo("OF-000005 R - 0"));
        java.math.BigDecimal price = jdbc.queryForObject("SELECT price FROM prepared WHERE id = 'OF-000001'", java.math.BigDecimal.class);
        java.math.BigDecimal area = jdbc.queryForObject("SELECT area FROM prepared WHERE id = 'OF-000001'", java.math.BigDecimal.class);
        assertThat(jdbc.queryForObject("SELECT price_per_m2 FROM prepared WHERE id = 'OF-000001'", java.math.BigDecimal.class))
                .isEqualByComparingTo(price.divide(area, 2, java.math.RoundingMode.HALF_UP));

        RunSummary again = runner.run(new FeedDefinitionLoader().load(write("prepared-again.yml", prepared)), file);
        RunSummary remapped = runner.run(new FeedDefinitionLoader().load(write("prepared-remapped.yml",
                prepared.replace("RENT: R", "RENT: L"))), file);

        assertThat(again.unchangedAtSource()).as("the same definition again: nothing sent").isEqualTo(3);
        long rents = jdbc.queryForObject("SELECT COUNT(*) FROM prepared WHERE kind = 'rent'", Long.class);
        assertThat(remapped.published()).as("only the records whose stored value the new map changes").isEqualTo(rents);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prepared WHERE kind_code = 'L'", Long.class)).isEqualTo(rents);
    }

    @Test
    void anOlderExportNeverOverwritesANewerOne() throws IOException {
        String newer = Files.readString(Path.of("src/test/resources/feeds/small-offers.xml"));
        String older = newer.replace("<title>Studio in München</title>", "<title>Old studio</title>")
                .replace("2026-11-03T10:00:00Z</updated>\n    </offer>\n    <offer id=\"OF-000003\"",
                        "2026-10-01T10:00:00Z</updated>\n    </offer>\n    <offer id=\"OF-000003\"");
        FeedDefinition offers = offers("versions");
        runner.run(offers, write("newer.xml", newer));

        RunSummary run = runner.run(offers, write("older.xml", older));

        assertThat(run.outdated()).isEqualTo(1);
        assertThat(run.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT title FROM versions WHERE id = 'OF-000002'", String.class)).isEqualTo("Studio in München");
    }

    @Test
    void aBrokenFileKeepsTheRecordsBeforeTheBreakAndFailsWithItsPosition() throws IOException {
        StringBuilder xml = new StringBuilder("<feed><offers>\n");
        for (int i = 1; i <= 1200; i++) {
            xml.append(String.format("<offer id=\"OF-9%05d\" type=\"sale\"><title>Flat %d</title><price currency=\"EUR\">1</price>"
                    + "<location><city>Русе</city></location><updated>2026-11-01T00:00:00Z</updated></offer>\n", i, i));
        }
        xml.append("<offer id=\"OF-999999\" type=\"sale\"><title>Broken</titel></offer>\n</offers></feed>\n");
        Path file = write("broken.xml", xml.toString());

        RunSummary run = runner.run(offers("broken"), file);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.message()).startsWith(file.toAbsolutePath() + ":1202:").contains("malformed XML").contains("record 1201");
        assertThat(run.read()).isEqualTo(1200);
        assertThat(run.persisted()).isEqualTo(1200);
        assertThat(run.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM broken", Long.class))
                .isEqualTo(1200);
    }

    @Test
    void theInProcessTransportStoresNoFasterThanTheFeedsRateLimit() throws IOException {
        // given a feed limited to 20 records/s and 61 valid offers, handed to two consumer lanes at once
        Path yaml = write("paced.yml", Files.readString(Path.of("jobs/offers-xml.yml")).replace("table: offer", "table: paced")
                .replace("  queue: classic", "  rateLimit: 20/s\n  queue: classic"));
        StringBuilder xml = new StringBuilder("<feed><offers>\n");
        for (int i = 1; i <= 61; i++) {
            xml.append(String.format("<offer id=\"OF-8%05d\" type=\"sale\"><title>Flat %d</title><price currency=\"EUR\">1</price>"
                    + "<location><city>Русе</city></location><updated>2026-11-01T00:00:00Z</updated></offer>\n", i, i));
        }
        Path file = write("paced.xml", xml.append("</offers></feed>\n").toString());

        RunSummary run = runner.run(new FeedDefinitionLoader().load(yaml), file);

        // then the records were stored at 20/s, measured between the first and the last upsert
        assertThat(run.persisted()).as(run.toJson()).isEqualTo(61);
        java.time.OffsetDateTime first = jdbc.queryForObject("SELECT MIN(fi_updated_at) FROM paced", java.time.OffsetDateTime.class);
        java.time.OffsetDateTime last = jdbc.queryForObject("SELECT MAX(fi_updated_at) FROM paced", java.time.OffsetDateTime.class);
        double seconds = java.time.Duration.between(first, last).toNanos() / 1e9;
        double rate = 60 / seconds;
        System.out.printf(java.util.Locale.ROOT, "ImportRunIT: 61 records stored in-process over %.2f s: %.1f records/s (limit 20/s)%n",
                seconds, rate);
        assertThat(rate).isBetween(18.0, 22.0);
    }

    @Test
    void prologEncodingsImportWithTheRightCharacters() throws IOException {
        FeedDefinition offers = offers("encodings");
        String offer = "<offer id=\"OF-%06d\" type=\"sale\"><title>%s</title><price currency=\"BGN\">1</price>"
                + "<location><city>%s</city></location><updated>2026-11-01T00:00:00Z</updated></offer>";
        String[][] cases = {
            {"windows-1251", "Къща в Търново", "Велико Търново"},
            {"ISO-8859-1", "Maison à Zürich", "Zürich"},
            {"UTF-16", "Ξενοδοχείο € 😀", "Θεσσαλονίκη"},
            {"UTF-8", "Двустаен – Lozenets", "София"},
        };
        for (int i = 0; i < cases.length; i++) {
            String xml = "<?xml version=\"1.0\" encoding=\"" + cases[i][0] + "\"?>\n<feed><offers>"
                    + String.format(offer, i + 1, cases[i][1], cases[i][2]) + "</offers></feed>";
            Path file = data.resolve("encoding-" + i + ".xml");
            Files.write(file, xml.getBytes(java.nio.charset.Charset.forName(cases[i][0])));

            RunSummary run = runner.run(offers, file);

            assertThat(run.persisted()).as(cases[i][0] + ": " + run.toJson()).isEqualTo(1);
            assertThat(jdbc.queryForMap("SELECT title, city FROM encodings WHERE id = ?", String.format("OF-%06d", i + 1)))
                    .containsValues(cases[i][1], cases[i][2]);
        }
    }

    @Test
    void tooManyInvalidRecordsFailTheRun() throws IOException {
        FeedDefinition strict = feed("strict_offer", "skipLimit: 1");

        RunSummary run = runner.run(strict, copy("src/test/resources/feeds/small-offers.xml", "strict.xml"));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.message()).contains("strict.xml: record 4 is invalid record number 2, over the feed's skip limit of 1 records");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM strict_offer", Long.class)).isZero();
    }

    @Test
    void aRecordFailingEveryAttemptIsParkedAndReplayBringsItHomeAndUpdatesTheCounts() throws Exception {
        FeedDefinition feed = offers("parking");
        context.getBean(io.feedimport.store.EntityTable.class).ensure(feed);
        jdbc.execute("CREATE TABLE parking_guard (blocked BOOLEAN)");
        jdbc.execute("INSERT INTO parking_guard VALUES (true)");
        jdbc.execute("CREATE TRIGGER refuse_second BEFORE INSERT ON parking FOR EACH ROW CALL \""
                + RefuseSecondOffer.class.getName() + "\"");

        RunSummary run = runner.run(feed, copy("src/test/resources/feeds/small-offers.xml", "parking.xml"));

        assertThat(run.parked()).as(run.toJson()).isEqualTo(1);
        assertThat(run.persisted()).isEqualTo(2);
        assertThat(run.reconciles()).isTrue();
        assertThat(jdbc.queryForObject("SELECT reason FROM fi_parked WHERE run_id = ?", String.class, run.runId()))
                .startsWith("gave up after 5 attempts: ").contains("OF-000002 conflicts with a concurrent update");

        jdbc.update("UPDATE parking_guard SET blocked = false");
        ParkedReplay.Result replay = context.getBean(ParkedReplay.class).replay(feed, run.runId(), java.time.Duration.ofSeconds(10));

        assertThat(replay.replayed()).isEqualTo(1);
        assertThat(replay.parkedAgain()).isZero();
        assertThat(replay.runs()).singleElement().satisfies(after -> {
            assertThat(after.persisted()).isEqualTo(3);
            assertThat(after.parked()).isZero();
            assertThat(after.reconciles()).isTrue();
        });
        assertThat(jdbc.queryForList("SELECT id FROM parking ORDER BY id", String.class))
                .containsExactly("OF-000001", "OF-000002", "OF-000005");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_parked WHERE run_id = ?", Long.class, run.runId())).isZero();
        assertThat(context.getBean(io.feedimport.run.RunLedger.class).find(run.runId()).orElseThrow().persisted()).isEqualTo(3);
    }

    /** Refuses offer OF-000002, while parking_guard says so, as PostgreSQL refuses a transaction that lost a conflict. */
    public static final class RefuseSecondOffer implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            try (java.sql.ResultSet guard = connection.createStatement().executeQuery("SELECT blocked FROM parking_guard")) {
                if ("OF-000002".equals(newRow[0]) && guard.next() && guard.getBoolean(1)) {
                    throw new java.sql.SQLException("OF-000002 conflicts with a concurrent update", "40001");
                }
            }
        }
    }

    private static Path copy(String source, String name) throws IOException {
        return Files.copy(Path.of(source), data.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(data.resolve(name), content);
    }
}
