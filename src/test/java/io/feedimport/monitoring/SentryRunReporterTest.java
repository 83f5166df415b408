package io.feedimport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.Withdrawals;
import io.feedimport.report.SkipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The reporter against a loopback server standing in for Sentry, asserting on the envelopes the SDK really sends. */
class SentryRunReporterTest {

    static final String FILE = "/data/incoming/contacts-0412.xml";
    static final String IBAN = "NL91ABNA0417164300";
    static final String EMAIL = "anna.schmidt@example.com";
    static final String PHONE = "+49 30 9876543";
    static final String MOBILE = "0171/5550199";

    static FeedDefinition feed;

    SentryStub sentry;

    @BeforeAll
    static void definition(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("contacts.yml");
        Files.writeString(yaml, """
                name: contacts
                format: { type: xml, record: /contacts/contact }
                fields:
                  id:    { path: "@id", type: string }
                  note:  { path: note, type: string, maxLength: 5 }
                  iban:  { path: iban, type: string, pattern: "^DE", sensitive: true }
                  price: { path: price, type: decimal, min: 0 }
                target: { key: [id] }
                """);
        feed = new FeedDefinitionLoader().load(yaml);
    }

    @BeforeEach
    void startSentry() throws IOException {
        sentry = new SentryStub();
    }

    @AfterEach
    void stopSentry() {
        sentry.close();
    }

    @Test
    void oneBrokenRuleOfOneFeedIsOneGroupedEvent() {
        List<SkipEntry> skips = new ArrayList<>();
        for (int record = 1; record <= 100; record++) {
            skips.add(skip(record, "C-" + record, "price", "min", "-" + record, "price '-" + record + "' must be at least 0"));
        }
        for (int record = 101; record <= 103; record++) {
            skips.add(skip(record, "C-" + record, "note", "maxLength", "too long", "note has 8 characters, at most 5 allowed"));
        }

        report(summary(RunStatus.COMPLETED, 500, 103, 0), skips);

        List<JsonNode> events = sentry.events();
        assertThat(events).hasSize(2);
        assertThat(events).extracting(event -> texts(event.get("fingerprint"))).containsExactlyInAnyOrder(
                List.of("feedimport-skip", "contacts", "price", "min"),
                List.of("feedimport-skip", "contacts", "note", "maxLength"));
        JsonNode price = event(events, "price");
        assertThat(price.get("level").asString()).isEqualTo("warning");
        assertThat(price.at("/message/formatted").asString()).isEqualTo("feed contacts: 100 records skipped by rule price [min]");
        assertThat(price.at("/extra/records").asLong()).isEqualTo(100);
        assertThat(price.at("/tags/feed").asString()).isEqualTo("contacts");
        assertThat(price.at("/tags/field").asString()).isEqualTo("price");
        assertThat(price.at("/tags/rule").asString()).isEqualTo("min");
        assertThat(price.at("/tags/status").asString()).isEqualTo("COMPLETED");
        assertThat(event(events, "note").at("/message/formatted").asString())
                .isEqualTo("feed contacts: 3 records skipped by rule note [maxLength]");
    }

    @Test
    void anEventCarriesRunFileCountsAndAtMostFiveExamples() {
        List<SkipEntry> skips = new ArrayList<>();
        for (int record = 1; record <= 9; record++) {
            skips.add(skip(record, "C-" + record, "price", "min", "-1674", "price '-1674' must be at least 0"));
        }

        report(summary(RunStatus.COMPLETED, 50, 9, 0), skips);

        JsonNode event = sentry.events().get(0);
        assertThat(event.at("/extra/runId").asLong()).isEqualTo(17);
        assertThat(event.at("/extra/file").asString()).isEqualTo(FILE);
        assertThat(event.at("/extra/counts/read").asLong()).isEqualTo(50);
        assertThat(event.at("/extra/counts/skipped").asLong()).isEqualTo(9);
        assertThat(event.at("/extra/counts/persisted").asLong()).isEqualTo(41);
        assertThat(event.at("/extra/counts/unchanged").asLong()).isZero();
        assertThat(event.at("/extra/counts/parked").asLong()).isZero();
        JsonNode examples = event.at("/extra/examples");
        assertThat(examples).hasSize(5);
        assertThat(examples.get(0).get("record").asLong()).isEqualTo(1);
        assertThat(examples.get(0).get("line").asInt()).isEqualTo(11);
        assertThat(examples.get(0).get("key").asString()).isEqualTo("C-1");
        assertThat(examples.get(0).get("value").asString()).isEqualTo("-1674");
        assertThat(examples.get(0).get("message").asString()).isEqualTo("price '-1674' must be at least 0");
        assertThat(examples.get(4).get("record").asLong()).isEqualTo(5);
    }

    @Test
    void valuesOfSensitiveFieldsNeverLeaveTheMachine() {
        List<SkipEntry> skips = List.of(
                skip(1, "C-1", "iban", "pattern", IBAN, "iban '" + IBAN + "' does not match ^DE"),
                skip(2, "C-2", "iban", "pattern", IBAN, "iban '" + IBAN + "' does not match ^DE"));

        report(summary(RunStatus.COMPLETED, 10, 2, 0), skips);

        assertThat(sentry.events()).hasSize(1);
        assertThat(String.join("\n", sentry.bodies())).doesNotContain(IBAN).doesNotContain("0417164300");
        JsonNode example = sentry.events().get(0).at("/extra/examples").get(0);
        assertThat(example.get("value").asString()).isEqualTo("[scrubbed]");
        assertThat(example.has("message")).as("the skip message quotes the value").isFalse();
        assertThat(example.get("key").asString()).isEqualTo("C-1");
    }

    @Test
    void emailAndPhoneLookingValuesAreScrubbedEvenInFieldsNotMarkedSensitive() {
        List<SkipEntry> skips = List.of(
                skip(1, EMAIL, "note", "maxLength", EMAIL, "note '" + EMAIL + "' has 24 characters, at most 5 allowed"),
                skip(2, "C-2", "note", "maxLength", "call " + PHONE, "note has 19 characters, at most 5 allowed"),
                skip(3, "C-3", "note", "maxLength", MOBILE, "note '" + MOBILE + "' has 12 characters, at most 5 allowed"));

        report(summary(RunStatus.COMPLETED, 10, 3, 0), skips);

        String raw = String.join("\n", sentry.bodies());
        assertThat(raw).doesNotContain("anna.schmidt").doesNotContain("example.com")
                .doesNotContain("9876543").doesNotContain("5550199");
        JsonNode examples = sentry.events().get(0).at("/extra/examples");
        assertThat(examples).hasSize(3).allSatisfy(example -> {
            assertThat(example.get("value").asString()).isEqualTo("[scrubbed]");
            assertThat(example.has("message")).isFalse();
        });
        assertThat(examples.get(0).get("key").asString()).isEqualTo("[scrubbed]");
    }

    @Test
    void aFailedRunIsOneErrorEventWithItsMessageScrubbed() {
        RunSummary failed = summary(RunStatus.FAILED, 7, 1, 0).withStatus(RunStatus.FAILED,
                "record 7 unreadable near " + EMAIL + " / " + IBAN + ", ask " + PHONE);
        List<SkipEntry> skips = List.of(skip(3, "C-3", "iban", "pattern", IBAN, "iban does not match ^DE"));

        report(failed, skips);

        List<JsonNode> errors = sentry.events().stream().filter(e -> e.get("level").asString().equals("error")).toList();
        assertThat(errors).hasSize(1);
        JsonNode error = errors.get(0);
        assertThat(texts(error.get("fingerprint"))).containsExactly("feedimport-run-failed", "contacts");
        assertThat(error.at("/message/formatted").asString())
                .isEqualTo("feed contacts: run failed: record 7 unreadable near [scrubbed] / [scrubbed], ask [scrubbed]");
        assertThat(error.at("/tags/status").asString()).isEqualTo("FAILED");
        assertThat(error.at("/extra/runId").asLong()).isEqualTo(17);
        assertThat(String.join("\n", sentry.bodies())).doesNotContain(IBAN).doesNotContain("anna.schmidt")
                .doesNotContain("9876543");
    }

    @Test
    void aHeldSnapshotRunIsOneErrorEventWithWhyAndHowManyWithdrawalsWait() {
        RunSummary held = summary(RunStatus.HELD, 300, 0, 0)
                .withWithdrawals(new Withdrawals(Withdrawals.State.HELD, 652_771, 0, 0, 0))
                .withStatus(RunStatus.HELD, "HELD: read 300 records, 31% of the last complete export (968); 652,771"
                        + " withdrawals held. Apply them with: feedimport release 17 (or drop them: feedimport discard 17)");

        report(held, List.of());

        List<JsonNode> events = sentry.events();
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("level").asString()).isEqualTo("error");
        assertThat(texts(event.get("fingerprint"))).containsExactly("feedimport-run-held", "contacts");
        assertThat(event.at("/message/formatted").asString()).startsWith("feed contacts: snapshot run held: HELD: read 300"
                + " records, 31% of the last complete export (968)");
        assertThat(event.at("/tags/status").asString()).isEqualTo("HELD");
        assertThat(event.at("/extra/counts/withdrawalsHeld").asLong()).isEqualTo(652_771);
    }

    @Test
    void parkedRecordsAreOneEventWithTheirCountAndRunId() {
        report(summary(RunStatus.COMPLETED, 20, 0, 4), List.of());

        List<JsonNode> events = sentry.events();
        assertThat(events).hasSize(1);
        JsonNode parked = events.get(0);
        assertThat(parked.get("level").asString()).isEqualTo("warning");
        assertThat(texts(parked.get("fingerprint"))).containsExactly("feedimport-parked", "contacts");
        assertThat(parked.at("/message/formatted").asString()).isEqualTo("feed contacts: 4 records parked in run 17");
        assertThat(parked.at("/extra/counts/parked").asLong()).isEqualTo(4);
        assertThat(parked.at("/extra/runId").asLong()).isEqualTo(17);
    }

    @Test
    void aCleanRunSendsNothing() {
        report(summary(RunStatus.COMPLETED, 20, 0, 0), List.of());

        assertThat(sentry.bodies()).isEmpty();
    }

    @Test
    void environmentAndReleaseAreSentWhenGivenAndNoUserOrBreadcrumbs() {
        try (RunReporter reporter = RunReporters.fromDsn(sentry.dsn(), "staging", "1.4.0")) {
            reporter.runEnded(feed, summary(RunStatus.COMPLETED, 20, 0, 1), List.of());
        }

        JsonNode event = sentry.events().get(0);
        assertThat(event.get("environment").asString()).isEqualTo("staging");
        assertThat(event.get("release").asString()).isEqualTo("feedimport@1.4.0");
        assertThat(event.has("user")).isFalse();
        assertThat(event.has("breadcrumbs")).isFalse();
        assertThat(sentry.unexpected()).isEmpty();
    }

    @Test
    void withoutDsnNothingIsInitialisedNothingIsSentAndNothingBreaks() {
        assertThat(RunReporters.fromDsn(null, "production")).isSameAs(RunReporter.NONE);
        assertThat(RunReporters.fromDsn("", null)).isSameAs(RunReporter.NONE);
        assertThat(RunReporters.fromDsn("   ", null)).isSameAs(RunReporter.NONE);

        assertThatCode(() -> {
            try (RunReporter none = RunReporters.fromDsn(null, null)) {
                none.runEnded(feed, summary(RunStatus.FAILED, 1, 1, 1), List.of(skip(1, "C-1", "price", "min", "-1", "x")));
            }
        }).doesNotThrowAnyException();
        assertThat(sentry.bodies()).isEmpty();
    }

    @Test
    void aDsnThatIsNotADsnTurnsReportingOffInsteadOfFailing() {
        assertThat(RunReporters.fromDsn("not a dsn", null)).isSameAs(RunReporter.NONE);
        assertThat(RunReporters.fromDsn("http://127.0.0.1:9/42", null)).as("no public key").isSameAs(RunReporter.NONE);
    }

    @Test
    void anUnreachableSentryNeitherThrowsNorHoldsTheRunUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<SkipEntry> skips = List.of(skip(1, "C-1", "price", "min", "-1", "price '-1' must be at least 0"));
        long start = System.nanoTime();

        assertThatCode(() -> {
            try (RunReporter reporter = RunReporters.fromDsn("http://publickey@127.0.0.1:" + closedPort + "/42", null)) {
                reporter.runEnded(feed, summary(RunStatus.FAILED, 5, 1, 2), skips);
            }
        }).doesNotThrowAnyException();

        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
    }

    @Test
    void aSentryThatNeverAnswersHoldsTheRunUpOnlyForTheFlushTimeout() throws IOException {
        List<SkipEntry> skips = List.of(skip(1, "C-1", "price", "min", "-1", "price '-1' must be at least 0"),
                skip(2, "C-2", "note", "maxLength", "too long", "note has 8 characters, at most 5 allowed"));
        try (SentryStub blackHole = SentryStub.hanging()) {
            long start = System.nanoTime();
            RunReporter reporter = RunReporters.fromDsn(blackHole.dsn(), null);

            reporter.runEnded(feed, summary(RunStatus.FAILED, 5, 2, 1), skips);
            long reported = (System.nanoTime() - start) / 1_000_000;
            reporter.close();
            long closed = (System.nanoTime() - start) / 1_000_000;

            assertThat(reported).as("milliseconds to report").isLessThan(RunReporters.FLUSH_TIMEOUT.toMillis() + 1_500);
            assertThat(closed).as("milliseconds to report and close").isLessThan(RunReporters.FLUSH_TIMEOUT.toMillis()
                    + 2 * RunReporters.CLOSE_TIMEOUT.toMillis() + 1_500);
        }
    }

    private void report(RunSummary summary, List<SkipEntry> skips) {
        try (RunReporter reporter = RunReporters.fromDsn(sentry.dsn(), null)) {
            reporter.runEnded(feed, summary, skips);
        }
    }

    private static RunSummary summary(RunStatus status, long read, long skipped, long parked) {
        return new RunSummary(17, "contacts", FILE, status, read, skipped, read - skipped, 0, read - skipped - parked, 0, 0,
                parked, 1200, OffsetDateTime.parse("2025-03-01T06:00:00Z"), null);
    }

    private static SkipEntry skip(long record, String key, String field, String rule, String value, String message) {
        return new SkipEntry(17, "contacts", FILE, record, (int) record + 10, 3, key, field, rule, value, message);
    }

    private static JsonNode event(List<JsonNode> events, String field) {
        return events.stream().filter(event -> field.equals(event.at("/tags/field").asString())).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
