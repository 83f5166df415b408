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

/** The sample offers with lookups, on the embedded default: agents must exist, cities are created as they come. */
class LookupImportIT {

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.NONE)
                .run("--feedimport.data-dir=" + data);
        jdbc = context.getBean(JdbcTemplate.class);
        // the CRM's agents, as a reference table that exists before any import; AG-001 to AG-020 only
        jdbc.execute("CREATE TABLE lk_agent (agent_no BIGINT PRIMARY KEY, external_ref VARCHAR(20) NOT NULL UNIQUE)");
        for (int i = 1; i <= 20; i++) {
            jdbc.update("INSERT INTO lk_agent VALUES (?, ?)", 1000 + i, String.format("AG-%03d", i));
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void agentsThatExistAreStoredAsTheirIdsUnknownOnesAreRejectedAndCitiesAreCreatedOnce() throws IOException {
        FeedDefinition feed = feed();
        ImportRunner runner = context.getBean(ImportRunner.class);

        RunSummary first = runner.run(feed, Path.of("sample-feeds/offers.xml"));
        RunSummary second = runner.run(feed, Path.of("sample-feeds/offers.xml"));

        long rejected = first.rejected();
        assertThat(first.status()).as(first.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(first.reconciles()).isTrue();
        assertThat(rejected).as("offers of agents AG-021 to AG-030").isPositive();
        assertThat(first.persisted()).isEqualTo(285 - rejected);
        List<SkipEntry> lookups = context.getBean(SkipReportStore.class).entries(first.runId()).stream()
                .filter(entry -> entry.rule().equals("lookup")).toList();
        assertThat(lookups).hasSize((int) rejected).allSatisfy(entry -> {
            assertThat(entry.field()).isEqualTo("agentId");
            assertThat(entry.value()).matches("AG-0(2[1-9]|30)");
            assertThat(entry.message()).isEqualTo("record " + entry.recordNumber() + ": lookup agents: no lk_agent with"
                    + " external_ref '" + entry.value() + "'");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lk_offer o JOIN lk_agent a ON a.agent_no = o.agent_id",
                Long.class)).isEqualTo(first.persisted());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lk_city", Long.class)).as("20 cities in the sample")
                .isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lk_offer o JOIN lk_city c ON c.id = o.city WHERE c.name ="
                + " 'софия'", Long.class)).isPositive();
        assertThat(second.unchanged()).isEqualTo(first.persisted());
        assertThat(second.rejected()).isEqualTo(rejected);
    }

    private static FeedDefinition feed() throws IOException {
        Path yaml = data.resolve("offers-lookups.yml");
        Files.writeString(yaml, Files.readString(Path.of("jobs/offers-lookups.yml"))
                .replace("table: offer_ref", "table: lk_offer")
                .replace("agents: { table: agent, key: external_ref, value: id, onMissing: create }",
                        "agents: { table: lk_agent, key: external_ref, value: agent_no, onMissing: reject }")
                .replace("cities: { table: city,", "cities: { table: lk_city,"));
        return new FeedDefinitionLoader().load(yaml);
    }
}
