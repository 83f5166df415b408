package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A whole run with PostgreSQL as job repository and entity store, in a schema of its own on 127.0.0.1:5432/test. */
class ImportRunPostgresIT {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "feedimport_it";

    @TempDir
    Path data;

    @Test
    void theSampleImportsIntoPostgresAndReconcilesAndASecondRunFindsItUnchanged() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
        }
        Path sample = Files.copy(Path.of("sample-feeds/offers.xml"), data.resolve("offers.xml"));
        FeedDefinition offers = new FeedDefinitionLoader().load(Path.of("jobs/offers-xml.yml"));

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedImportApplication.class)
                .web(WebApplicationType.NONE)
                .run("--feedimport.data-dir=" + data, "--spring.datasource.url=" + SERVER + "?currentSchema=" + SCHEMA,
                        "--spring.datasource.username=postgres")) {
            ImportRunner runner = context.getBean(ImportRunner.class);

            RunSummary first = runner.run(offers, sample);
            RunSummary second = runner.run(offers, sample);

            assertThat(first.status()).as(first.toJson()).isEqualTo(RunStatus.COMPLETED);
            assertThat(first.reconciles()).isTrue();
            assertThat(first.persisted()).isEqualTo(first.read() - first.skipped()).isPositive();
            assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(second.unchanged()).isEqualTo(first.persisted());
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + SCHEMA + ".offer", Long.class)).isEqualTo(first.persisted());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + SCHEMA + ".batch_job_instance", Long.class)).isEqualTo(2);
        }
    }
}
