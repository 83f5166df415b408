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

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.Feeds;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.run.ImportRunner;
import io.feedimport.run.RunLedger;
import io.feedimport.withdraw.ExportNights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A held snapshot run on the review page, over real HTTP: its withdrawals are shown with release and discard buttons,
 * which another site cannot press, and which settle the run as the CLI's commands do.
 */
class HeldRunPageIT {

    private static final ExportNights NIGHTS = new ExportNights(1000);

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static HttpClient http = HttpClient.newHttpClient();
    static String base;
    static ImportRunner runner;
    static FeedDefinition feed;

    @BeforeAll
    static void serve() throws IOException {
        feed = new FeedDefinitionLoader().load(Files.writeString(data.resolve("held.yml"),
                ExportNights.definition("held_page", "softDelete", "")));
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.SERVLET)
                .initializers(c -> c.getBeanFactory().registerSingleton("feeds", new Feeds(List.of(feed))))
                .run("--feedimport.data-dir=" + data, "--spring.main.web-application-type=servlet",
                        "--server.address=127.0.0.1", "--server.port=0");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        runner = context.getBean(ImportRunner.class);
        runner.run(feed, ExportNights.write(data.resolve("full.xml"), NIGHTS.second(), false));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aHeldRunIsReleasedFromItsPageAndNotFromAnotherSite() throws Exception {
        long held = heldRun("cut-1.xml");
        String page = get("/runs/" + held).body();
        assertThat(page).contains("id=\"withdrawals\"", "id=\"release\"", "id=\"discard\"", "699 held",
                "HELD: read 299 records, 30% of the last complete export (998)");
        assertThat(page).as("the held keys, a page at a time").contains("id=\"withdrawn-keys\"",
                "<td class=\"n\">1</td>", "<td class=\"n\">50</td>", "id=\"more-withdrawn\"").doesNotContain("<td class=\"n\">51</td>");
        assertThat(get("/runs/" + held + "?withdrawnAfter=50").body()).contains("<td class=\"n\">51</td>")
                .doesNotContain("<td class=\"n\">50</td>");

        assertThat(post("/runs/" + held + "/release", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(status(held)).as("refused: still held").isEqualTo(RunStatus.HELD);

        HttpResponse<String> released = post("/runs/" + held + "/release", base);
        assertThat(released.statusCode()).isEqualTo(302);
        RunSummary after = context.getBean(RunLedger.class).find(held).orElseThrow();
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(after.withdrawals().withdrawn()).isEqualTo(699);
        assertThat(get("/runs/" + held).body()).doesNotContain("id=\"release\"").contains("699 withdrawn");
    }

    @Test
    void aHeldRunIsDiscardedFromItsPage() throws Exception {
        runner.run(feed, ExportNights.write(data.resolve("full-again.xml"), NIGHTS.second(), false));
        long held = heldRun("cut-2.xml");

        assertThat(post("/runs/" + held + "/discard", base).statusCode()).isEqualTo(302);

        RunSummary after = context.getBean(RunLedger.class).find(held).orElseThrow();
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(after.withdrawals().withdrawn()).isZero();
        assertThat(after.message()).contains("stay live");
    }

    private static long heldRun(String name) throws IOException {
        RunSummary cut = runner.run(feed, ExportNights.write(data.resolve(name), NIGHTS.cut(), false));
        assertThat(cut.status()).as(cut.toJson()).isEqualTo(RunStatus.HELD);
        return cut.runId();
    }

    private static RunStatus status(long runId) {
        return context.getBean(RunLedger.class).find(runId).orElseThrow().status();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
