package io.feedimport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.Feeds;
import io.feedimport.publish.RecordMessage;
import io.feedimport.report.RunSummary;
import io.feedimport.run.ImportRunner;
import io.feedimport.transport.JdbcParkingLot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The review server over real HTTP, as {@code serve --jobs} runs it on the embedded default: what every response tells
 * the browser, the session cookie, and that a field the feed marks {@code sensitive} shows its value nowhere (page,
 * API, CSV), though a run skipped and parked records that carried it.
 */
class ReviewServerIT {

    private static final String FEED = "review_sensitive_" + ProcessHandle.current().pid();
    private static final List<String> SECRETS = List.of("zz.hidden.agent", "yy.hidden.agent", "xx.parked.agent");

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static HttpClient http = HttpClient.newHttpClient();
    static String base;
    static long runId;

    @BeforeAll
    static void serveARunThatSkippedAndParkedSensitiveValues() throws IOException {
        FeedDefinition feed = feed();
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.SERVLET)
                .initializers(c -> c.getBeanFactory().registerSingleton("feeds", new Feeds(List.of(feed))))
                .run("--feedimport.data-dir=" + data, "--spring.main.web-application-type=servlet",
                        "--server.address=127.0.0.1", "--server.port=0");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        Path file = Files.copy(Path.of("src/test/resources/feeds/sensitive-offers.xml"), data.resolve("sensitive-offers.xml"));
        RunSummary run = context.getBean(ImportRunner.class).run(feed, file);
        assertThat(run.skipped()).as(run.toJson()).isEqualTo(2);
        runId = run.runId();
        context.getBean(JdbcParkingLot.class).park(new RecordMessage(runId, FEED, 50, 20, "OF-000050",
                Map.of("id", "OF-000050", "email", "xx.parked.agent@example.bg", "city", "Burgas")),
                "the database refused xx.parked.agent@example.bg", 4);
        context.getBean(JdbcParkingLot.class).park(new RecordMessage(runId, "review_unknown_feed", 9, 30, "K-9",
                Map.of("id", "K-9", "email", "xx.parked.agent@example.bg")), "gave up", 4);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void everyKindOfResponseForbidsFramingAndSniffing() throws Exception {
        for (String path : List.of("/runs", "/runs/" + runId, "/api/runs/" + runId, "/runs/" + runId + "/skips.csv",
                "/runs/999999", "/api/runs/999999", "/actuator/health")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("frame-ancestors 'none'", "default-src 'self'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        HttpResponse<String> errorPage = http.send(HttpRequest.newBuilder(URI.create(base + "/runs/999999"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(errorPage.statusCode()).isEqualTo(404);
        assertThat(errorPage.body()).as("the error page itself").contains("404 Not Found", "there is no run 999999", "Back to the runs");
        assertThat(errorPage.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
        assertThat(errorPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theGuardsOwnRefusalCarriesThemToo() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/parked/1/1/replay"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
    }

    @Test
    void theSessionCookieOfAReplaysNoticeIsStrictlySameSiteAndHiddenFromScripts() throws Exception {
        HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(URI.create(base + "/parked/" + runId + "/9/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(replayed.statusCode()).isEqualTo(302);
        String cookie = replayed.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly")
                .as("plain HTTP on loopback").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void aSensitiveFieldsValueAppearsOnNoPageInNoAnswerOfTheApiAndInNoCsv() throws Exception {
        Map<String, String> served = new java.util.LinkedHashMap<>();
        for (String path : List.of("/runs/" + runId, "/runs/" + runId + "?field=email", "/api/runs/" + runId + "/skips",
                "/runs/" + runId + "/skips.csv", "/parked", "/parked?run=" + runId, "/api/parked", "/api/parked?run=" + runId)) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            served.put(path, response.body());
        }

        served.forEach((path, body) -> assertThat(body).as(path).doesNotContain(SECRETS));
        assertThat(served.get("/runs/" + runId + "/skips.csv")).as("the rule and the other values are still there")
                .contains("email", "pattern", "price", "-5", "Varna", "[scrubbed]");
        assertThat(served.get("/api/runs/" + runId + "/skips")).contains("Varna", "[scrubbed]");
        assertThat(served.get("/api/parked?run=" + runId)).contains("Burgas", "the database refused [scrubbed]");
    }

    @Test
    void aRunThatLeftUnchangedRecordsUnsentSaysSoOnItsPage() throws Exception {
        Path again = Files.copy(Path.of("src/test/resources/feeds/sensitive-offers.xml"), data.resolve("again.xml"));
        RunSummary second = context.getBean(ImportRunner.class).run(feed(), again);

        HttpResponse<String> page = get("/runs/" + second.runId());

        assertThat(second.unchangedAtSource()).as(second.toJson()).isPositive();
        assertThat(page.body()).contains(second.unchangedAtSource()
                + " of the unchanged records were not sent: their content is the one last stored.");
        assertThat(get("/runs/" + runId).body()).doesNotContain("were not sent");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static FeedDefinition feed() throws IOException {
        Path yaml = Files.writeString(data.resolve(FEED + ".yml"), Files.readString(Path.of("jobs/offers-xml.yml"))
                .replace("name: offers", "name: " + FEED).replace("table: offer", "table: " + FEED)
                .replace("skipLimit: 10%", "skipLimit: 90%"));
        return new FeedDefinitionLoader().load(yaml);
    }
}
