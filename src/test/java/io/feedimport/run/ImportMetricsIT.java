package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipReportStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The metrics of whole runs on the embedded default, read the way Prometheus reads them (the scrape text of the
 * context's registry), against the runs' own summaries. The context has no web server, as a one-shot command's.
 */
class ImportMetricsIT {

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static ImportRunner runner;
    static PrometheusMeterRegistry prometheus;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.NONE)
                .run("--feedimport.data-dir=" + data);
        runner = context.getBean(ImportRunner.class);
        prometheus = context.getBean(PrometheusMeterRegistry.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theScrapeCountsWhatTheRunSummaryCountsAndTimesEveryStage() throws IOException {
        RunSummary run = runner.run(feed("metered"), copy("metered.xml"));

        assertThat(run.status()).as(run.toJson()).isEqualTo(RunStatus.COMPLETED);
        String scrape = prometheus.scrape();
        assertThat(value(scrape, "feedimport_records_read_total", "feed", "metered")).isEqualTo(run.read());
        assertThat(value(scrape, "feedimport_records_published_total", "feed", "metered")).isEqualTo(run.published());
        assertThat(value(scrape, "feedimport_records_persisted_total", "feed", "metered")).isEqualTo(run.persisted());
        assertThat(value(scrape, "feedimport_records_unchanged_total", "feed", "metered")).isEqualTo(run.unchanged());
        assertThat(value(scrape, "feedimport_records_parked_total", "feed", "metered")).isEqualTo(run.parked());
        Map<String, Long> skippedByRule = context.getBean(SkipReportStore.class).entries(run.runId()).stream()
                .collect(Collectors.groupingBy(skip -> skip.field() + "/" + skip.rule(), Collectors.counting()));
        assertThat(skippedByRule).containsOnlyKeys("price/min", "kind/values", "currency/values");
        skippedByRule.forEach((fieldAndRule, records) -> {
            String[] parts = fieldAndRule.split("/");
            assertThat(value(scrape, "feedimport_records_skipped_total", "feed", "metered", "field", parts[0], "rule", parts[1]))
                    .as(fieldAndRule).isEqualTo(records);
        });
        for (String timer : new String[] {"parse", "validate", "publish_confirm", "mapping", "upsert"}) {
            assertThat(value(scrape, "feedimport_" + timer + "_seconds_count", "feed", "metered")).as(timer).isPositive();
        }
    }

    @Test
    void aSecondImportOfTheSameFileCountsItsRecordsAsUnchangedNotPersistedAgain() throws IOException {
        FeedDefinition feed = feed("metered_twice");
        runner.run(feed, copy("twice.xml"));

        RunSummary second = runner.run(feed, copy("twice.xml"));

        String scrape = prometheus.scrape();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(value(scrape, "feedimport_records_read_total", "feed", "metered_twice")).isEqualTo(10);
        assertThat(value(scrape, "feedimport_records_persisted_total", "feed", "metered_twice")).isEqualTo(3);
        assertThat(value(scrape, "feedimport_records_unchanged_total", "feed", "metered_twice")).isEqualTo(3);
        assertThat(value(scrape, "feedimport_records_published_total", "feed", "metered_twice"))
                .as("the second import sent nothing: its records were as last stored").isEqualTo(3);
    }

    @Test
    void theQueuesOfAFeedThatRanAreEmptyOnceItsRunEnded() throws Exception {
        runner.run(feed("metered_queues"), copy("queues.xml"));

        // the parked count is read from the database in the background: the first scrape may not have it yet
        String scrape = prometheus.scrape();
        for (int i = 0; i < 50 && !scrape.contains("feedimport_queue_depth{feed=\"metered_queues\",queue=\"error\"} 0.0"); i++) {
            Thread.sleep(100);
            scrape = prometheus.scrape();
        }
        assertThat(scrape).contains("feedimport_queue_depth{feed=\"metered_queues\",queue=\"main\"} 0.0",
                "feedimport_queue_depth{feed=\"metered_queues\",queue=\"retry\"} 0.0",
                "feedimport_queue_depth{feed=\"metered_queues\",queue=\"error\"} 0.0");
    }

    @Test
    void theEmbeddedProcessChecksItsDatabaseAndNoBrokerOrRedisItDoesNotUse() {
        Map<String, HealthIndicator> checks = context.getBeansOfType(HealthIndicator.class);

        assertThat(checks).containsKeys("dbHealthIndicator", "ftpHealthIndicator")
                .doesNotContainKeys("rabbitHealthIndicator", "redisHealthIndicator");
        assertThat(checks.get("dbHealthIndicator").health().getStatus()).isEqualTo(Status.UP);
        assertThat(checks.get("ftpHealthIndicator").health().getStatus()).isEqualTo(Status.UP);
    }

    /** The value of the one sample of the metric with exactly these labels (name, value, name, value, ...). */
    private static long value(String scrape, String metric, String... labels) {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < labels.length; i += 2) {
            expected.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(labels[i + 1]).append('"');
        }
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(metric + "{" + expected + "}") + " (\\S+)$").matcher(scrape);
        assertThat(sample.find()).as(metric + "{" + expected + "} in\n" + scrape).isTrue();
        return (long) Double.parseDouble(sample.group(1));
    }

    private static FeedDefinition feed(String name) throws IOException {
        Path yaml = Files.writeString(data.resolve(name + ".yml"), Files.readString(Path.of("jobs/offers-xml.yml"))
                .replace("name: offers", "name: " + name).replace("table: offer", "table: " + name)
                .replace("skipLimit: 10%", "skipLimit: 50%"));
        return new FeedDefinitionLoader().load(yaml);
    }

    private static Path copy(String name) throws IOException {
        return Files.copy(Path.of("src/test/resources/feeds/small-offers.xml"), data.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
