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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page as a person uses it the morning after: the packaged CLI serves it over PostgreSQL, Debian's headless
 * chromium opens the runs, a run, filters its skip report, downloads it as CSV and replays a parked record.
 */
class ReviewPageIT {

    static final String SCHEMA = "feedimport_review_it";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Saved on every run; the README shows a copy of it (docs/review-run-page.png). */
    static final Path SCREENSHOT = Path.of("target/review-run-page.png");

    @TempDir
    Path dir;

    Path jobs;
    Path downloads;
    CliProcess cli;
    final List<Process> started = new ArrayList<>();
    WebDriver browser;

    @BeforeEach
    void importTwoExportsOneOfThemWithARecordTheDatabaseKeepsRefusing() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.copy(FeedImportCliIT.JOB, jobs.resolve("offers.yml"));
        downloads = Files.createDirectories(dir.resolve("downloads"));
        cli = new CliProcess(dir.resolve("data"), dir, database(Map.of()));

        CliProcess.Result first = cli.run("run", jobs.resolve("offers.yml").toString(), "--file", FeedImportCliIT.SAMPLE.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        // a conflict PostgreSQL reports as transient, every time, for one offer: it is retried, then parked
        Postgres.refuseOffer(SCHEMA, "OF-000010");
        // the next export changed offer 10, so it must be written again
        Path second = dir.resolve("offers-next-day.xml");
        String sample = Files.readString(FeedImportCliIT.SAMPLE, StandardCharsets.UTF_8);
        String changed = "<updated>2026-10-01T15:56:22Z</updated>";
        assertThat(sample.indexOf(changed)).isEqualTo(sample.lastIndexOf(changed)).isPositive();
        Files.writeString(second, sample.replace(changed, "<updated>2026-11-01T15:56:22Z</updated>"), StandardCharsets.UTF_8);
        CliProcess.Result next = cli.run("run", jobs.resolve("offers.yml").toString(), "--file", second.toString());
        assertThat(next.out() + next.err()).contains("parked     1");
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aPersonReviewsTheRunsFiltersAndDownloadsASkipReportAndReplaysAParkedRecord() throws Exception {
        String base = serve(Map.of(), "--port", "0");
        browser = chromium();

        browser.get(base);
        WebElement runs = browser.findElement(By.id("runs"));
        assertThat(runs.findElement(By.cssSelector("tr[data-run='1']")).getText())
                .contains("offers", "COMPLETED", "300", "15", "285", "yes");
        assertThat(runs.findElement(By.cssSelector("tr[data-run='2']")).getText()).contains("offers-next-day.xml");

        browser.get(base + "runs?limit=1");
        assertThat(browser.findElements(By.cssSelector("#runs tr[data-run]"))).extracting(r -> r.getAttribute("data-run"))
                .containsExactly("2");
        follow(browser.findElement(By.id("older-runs")));
        assertThat(browser.findElements(By.cssSelector("#runs tr[data-run]"))).extracting(r -> r.getAttribute("data-run"))
                .containsExactly("1");
        assertThat(browser.findElements(By.id("older-runs"))).as("run 1 is the oldest").isEmpty();
        runs = browser.findElement(By.id("runs"));

        follow(runs.findElement(By.linkText("1")));
        assertThat(browser.getTitle()).startsWith("Run 1");
        assertThat(text("reconciliation")).isEqualTo("Reconciled: 300 read = 15 skipped + 285 persisted + 0 unchanged + 0 parked");
        assertThat(browser.findElements(By.cssSelector("#progress svg polyline.read"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#breakdown tbody tr"))).hasSize(15);
        Files.write(SCREENSHOT.toAbsolutePath(), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

        new Select(browser.findElement(By.id("field"))).selectByVisibleText("price");
        follow(browser.findElement(By.id("apply-filter")));
        List<WebElement> lines = browser.findElements(By.cssSelector("#skip-report tbody tr"));
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line.findElement(By.className("field")).getText()).isEqualTo("price"));
        assertThat(lines.stream().map(line -> line.findElement(By.className("rule")).getText())).containsExactlyInAnyOrder("min", "type");
        assertThat(text("skip-count")).startsWith("2 violation(s)");
        lines.get(0).findElement(By.tagName("summary")).click();
        assertThat(lines.get(0).findElement(By.tagName("dl")).getText()).contains("id", "OF-", "title");

        browser.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve("run-1-skips-price.csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> Files.exists(csv) && !Files.exists(Path.of(csv + ".crdownload")));
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows.get(0)).startsWith("run_id,feed,file,record,line,column,key,field,rule,value,message,record.id,");
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(row -> assertThat(row).contains(",\"price\","));
        // the negative price would be a formula to a spreadsheet: it is defused
        assertThat(String.join("\n", rows)).contains("\"'-");

        follow(browser.findElement(By.linkText("Parked")));
        assertThat(browser.findElement(By.cssSelector("#parked-records tr[data-record='10']")).getText())
                .contains("2", "offers", "OF-000010", "gave up after 5 attempts");

        browser.get(base + "runs/2");
        assertThat(browser.findElement(By.cssSelector("#parked-records tr[data-record]")).getText())
                .contains("OF-000010", "gave up after 5 attempts", "conflicts with a concurrent update");
        assertThat(text("count-parked")).isEqualTo("1");
        long persistedBefore = Long.parseLong(text("count-persisted"));

        // replayed from the parked page, filtered by feed: the page it returns to keeps the filter
        browser.get(base + "parked?feed=offers");
        Postgres.releaseOffer(SCHEMA);
        follow(browser.findElement(By.cssSelector("#parked-records tr[data-record='10'] .replay")));

        assertThat(browser.getCurrentUrl()).contains("/parked?", "feed=offers").doesNotContain("jsessionid");
        assertThat(browser.findElement(By.className("notice")).getText()).isEqualTo("record 10 of run 2 was replayed and handled");
        assertThat(text("parked-count")).startsWith("0 parked record(s)");
        browser.get(base + "runs/2");
        assertThat(browser.findElements(By.cssSelector("#parked-records tr[data-record]"))).isEmpty();
        assertThat(text("count-parked")).isEqualTo("0");
        assertThat(Long.parseLong(text("count-persisted"))).isEqualTo(persistedBefore + 1);
        assertThat(text("reconciliation")).startsWith("Reconciled: 300 read");
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".offer WHERE id = 'OF-000010' AND updated_at > '2026-10-15'")).isEqualTo(1);
    }

    @Test
    void aRunsParkedRecordsAreReplayedAllAtOnceFromItsPage() throws Exception {
        String base = serve(Map.of(), "--port", "0");
        browser = chromium();
        browser.get(base + "parked?feed=offers");
        assertThat(text("parked-count")).startsWith("1 parked record(s)");

        browser.get(base + "runs/2");
        WebElement replayAll = browser.findElement(By.id("replay-all"));
        assertThat(replayAll.getText()).isEqualTo("Replay all 1 parked record(s) of this run");
        Postgres.releaseOffer(SCHEMA);
        follow(replayAll);

        assertThat(browser.findElement(By.className("notice")).getText()).isEqualTo("1 parked record(s) of run 2 replayed: 1 handled");
        assertThat(text("count-parked")).isEqualTo("0");
        assertThat(browser.findElements(By.id("replay-all"))).isEmpty();
        assertThat(text("reconciliation")).startsWith("Reconciled: 300 read");
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_parked")).isZero();

        // with nothing parked any more, both runs are old enough for a prune that keeps no day
        assertThat(cli.run("prune", "--keep-days", "0").out()).startsWith("pruned the per-record details of 2 run(s)");
        browser.get(base + "runs/1");
        assertThat(text("pruned")).startsWith("This run's skip report, progress and record outcomes were pruned on ")
                .endsWith("its counts are kept.");
        assertThat(text("skips")).contains("15 records were skipped; their report was pruned.");
        assertThat(text("count-persisted")).isEqualTo("285");
    }

    @Test
    void servedBeyondLoopbackThePageNeedsTheTokenAndAReplayFromAnotherSiteIsRefused() throws Exception {
        CliProcess.Result open = cli.run("serve", "--port", "0", "--bind", "0.0.0.0", "--jobs", jobs.toString());
        assertThat(open.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(open.err().lines().toList()).singleElement().asString()
                .contains("0.0.0.0, beyond this machine", "set FEEDIMPORT_WEB_TOKEN");

        String base = serve(Map.of("FEEDIMPORT_WEB_TOKEN", "s3cret-token"), "--port", "0", "--bind", "0.0.0.0");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "runs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        String basic = "Basic " + Base64.getEncoder().encodeToString("anyone:s3cret-token".getBytes(StandardCharsets.UTF_8));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "runs")).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("data-run=\"2\"");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "api/runs/2")).header("Authorization", "Bearer s3cret-token")
                .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("\"parked\":1");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "api/runs/2")).header("Authorization", "Bearer wrong")
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "parked/2/10/replay"))
                .header("Authorization", basic).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_parked")).as("nothing was replayed").isEqualTo(1);
    }

    /** Starts {@code serve} and returns the address it says it serves on. */
    private String serve(Map<String, String> environment, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--jobs", jobs.toString()));
        args.addAll(List.of(options));
        CliProcess.Running server = new CliProcess(dir.resolve("data"), dir, database(environment)).start(args.toArray(String[]::new));
        started.add(server.process());
        Pattern served = Pattern.compile("review page on http://[^:/]+:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher matcher = served.matcher(server.errSoFar());
            if (matcher.find()) {
                return "http://localhost:" + matcher.group(1) + "/";
            }
            assertThat(server.process().isAlive()).as("serve stopped: " + server.errSoFar()).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not say where it serves within 90 s: " + server.errSoFar());
    }

    private WebDriver chromium() {
        assertThat(CHROMIUM).as("Debian's chromium; scripts/services.sh installs it (apt-get install chromium chromium-driver)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver; scripts/services.sh installs it").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // this machine's network is closed: without the background-networking flags chromium keeps dialling out
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1500", "--user-data-dir=" + dir.resolve("chromium-profile"));
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one and finished loading:
     * chromedriver may return from a click before the navigation it starts has begun, and the old page's elements
     * would be read as the new one's. The old page is marked in its window, which the new page does not inherit;
     * while the documents change over, chromium answers scripts and element queries with errors, which are waited out.
     */
    private void follow(WebElement link) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("window.feedimportLeft = true");
        link.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(b -> Boolean.TRUE.equals(
                page.executeScript("return window.feedimportLeft === undefined && document.readyState === 'complete'")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private Map<String, String> database(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("SPRING_DATASOURCE_URL", Postgres.SERVER + "?currentSchema=" + SCHEMA);
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        return environment;
    }
}
