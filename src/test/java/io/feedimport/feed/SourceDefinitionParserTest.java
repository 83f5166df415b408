package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import io.feedimport.feed.SourceDefinition.After;
import io.feedimport.feed.SourceDefinition.Ftp;
import io.feedimport.feed.SourceDefinition.Local;
import io.feedimport.feed.SourceDefinition.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDefinitionParserTest {

    private static final String FEED = """
            name: offers
            format: { type: xml, record: /feed/offer }
            fields: { id: { path: "@id", type: string } }
            target: { key: [id] }
            """;

    @TempDir
    Path dir;

    private final FeedDefinitionLoader loader = new FeedDefinitionLoader();

    @Test
    void anFtpSourceWithEveryKeyIsReadAsWritten() throws IOException {
        FeedDefinition feed = loader.load(write(FEED + """
                source:
                  ftp:
                    host: ftp.example.com
                    port: 2121
                    user: erp
                    passwordEnv: OFFERS_FTP_PASSWORD
                    dir: /outgoing/offers
                    secure: true
                    passive: false
                  pattern: "offers-*.xml"
                  ready: marker
                  marker: .ok
                  ignore: ["*.tmp", "~*"]
                  after: delete
                  archiveDir: /srv/archive/offers
                  failedDir: broken
                  pollEvery: 5m
                  readyTimeout: 2h
                schedule: "0 30 1 * * MON-FRI"
                """));

        assertThat(feed.pickup()).isEqualTo(new SourceDefinition(
                new Ftp("ftp.example.com", 2121, "erp", "OFFERS_FTP_PASSWORD", "/outgoing/offers", true, false),
                "offers-*.xml", Readiness.MARKER, ".ok", List.of("*.tmp", "~*"), After.DELETE, "/srv/archive/offers", "broken",
                Duration.ofMinutes(5), Duration.ofHours(2)));
        assertThat(feed.pickup().location().toString()).doesNotContain("password=");
        assertThat(feed.schedule()).isEqualTo(new ScheduleDefinition("0 30 1 * * MON-FRI", ZoneId.of("UTC")));
    }

    @Test
    void anFtpSourceWithOnlyAHostLogsInAnonymouslyAtTheRootInPassiveMode() throws IOException {
        FeedDefinition feed = loader.load(write(FEED + "source: { ftp: { host: ftp.example.com } }\n"));

        assertThat(feed.pickup().location()).isEqualTo(new Ftp("ftp.example.com", 21, "anonymous", null, "/", false, true));
    }

    @Test
    void aRelativeLocalFolderIsResolvedAgainstTheFolderOfTheDefinition() throws IOException {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));

        FeedDefinition feed = loader.load(write(jobs, FEED + "source: { local: { dir: ../drop/./offers } }\n"));

        assertThat(feed.pickup().location()).isEqualTo(new Local(dir.resolve("drop/offers").toAbsolutePath().normalize()));
    }

    @Test
    void aLocalFolderAloneTakesEveryDefault() throws IOException {
        Path drop = dir.resolve("drop").toAbsolutePath();

        FeedDefinition feed = loader.load(write(FEED + "source: { local: { dir: " + drop + " } }\n"));

        assertThat(feed.pickup()).isEqualTo(new SourceDefinition(new Local(drop), "*", Readiness.STABLE, null,
                List.of("*.tmp", "*.part", "*.filepart", ".*"), After.ARCHIVE, "archive", "failed",
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(5)));
        assertThat(feed.schedule()).isNull();
    }

    @Test
    void aQuietPeriodIsReadWithStableReadinessAndRefusedWithMarkers() throws IOException {
        Path stable = write(FEED + "source: { local: { dir: drop }, stableAfter: 2m }\n");
        Path marker = write(FEED.replace("name: offers", "name: marked") + "source: { local: { dir: drop }, ready: marker, stableAfter: 2m }\n");
        Path zero = write(FEED.replace("name: offers", "name: zero") + "source: { local: { dir: drop }, stableAfter: 0s }\n");

        assertThat(loader.load(stable).pickup().stableAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(problems(marker)).containsExactly(marker + ": source.stableAfter: only applies with ready: stable");
        assertThat(problems(zero)).containsExactly(zero + ": source.stableAfter: expected a positive duration such as 500ms,"
                + " 30s, 10m or 2h, got '0s'");
    }

    @Test
    void aDefinitionWithoutSourceOrScheduleHasNeither() throws IOException {
        FeedDefinition feed = loader.load(write(FEED));

        assertThat(feed.pickup()).isNull();
        assertThat(feed.schedule()).isNull();
    }

    @Test
    void aMarkerDefaultsToDotDoneWhenReadinessIsMarker() throws IOException {
        FeedDefinition feed = loader.load(write(FEED + "source: { local: { dir: drop }, ready: marker }\n"));

        assertThat(feed.pickup().marker()).isEqualTo(".done");
    }

    @Test
    void aSourceNeedsExactlyOneOfFtpOrLocal() throws IOException {
        Path both = write(FEED + "source: { ftp: { host: h }, local: { dir: d } }\n");
        Path neither = write(FEED + "source: { pattern: \"*.xml\" }\n");

        assertThat(problems(both)).containsExactly(both + ": source: expected exactly one of ftp or local, got both");
        assertThat(problems(neither)).containsExactly(neither + ": source: expected exactly one of ftp or local, got neither");
    }

    @Test
    void aHostAndALocalFolderAreRequired() throws IOException {
        Path ftp = write(FEED + "source: { ftp: { port: 21 } }\n");
        Path local = write(FEED + "source: { local: { path: drop } }\n");

        assertThat(problems(ftp)).containsExactly(ftp + ": source.ftp.host: is required");
        assertThat(problems(local)).containsExactly(
                local + ": source.local.path: unknown key; expected one of dir",
                local + ": source.local.dir: is required");
    }

    @Test
    void badFtpSettingsAreEachReportedOnOneLine() throws IOException {
        Path file = write(FEED + """
                source:
                  ftp: { host: "ftp://ftp.example.com", port: 70000, passwordEnv: offers-ftp-password, secure: yes please, tls: true }
                """);

        assertThat(problems(file)).containsExactlyInAnyOrder(
                file + ": source.ftp.tls: unknown key; expected one of dir, host, passive, passwordEnv, port, secure, user",
                file + ": source.ftp.host: expected a host name or address such as ftp.example.com, without ftp:// or a path,"
                        + " got 'ftp://ftp.example.com'",
                file + ": source.ftp.passwordEnv: expected the name of an environment variable (letters, digits and '_',"
                        + " not starting with a digit) such as OFFERS_FTP_PASSWORD, got 'offers-ftp-password'",
                file + ": source.ftp.port: expected a whole number from 1 to 65535, got '70000'",
                file + ": source.ftp.secure: expected true or false, got 'yes please'");
    }

    @Test
    void aPasswordInTheFileIsRefusedWithOneLineSayingSecretsComeFromTheEnvironment() throws IOException {
        Path file = write(FEED + "source: { ftp: { host: ftp.example.com, user: erp, password: s3cret } }\n");

        assertThat(problems(file)).containsExactly(file + ": source.ftp.password: secrets are never written in a feed"
                + " definition; they come from the environment: name the variable that holds the password with passwordEnv"
                + " (e.g. passwordEnv: OFFERS_FTP_PASSWORD)");
        assertThatThrownBy(() -> loader.load(file)).hasMessageNotContaining("s3cret");
    }

    @Test
    void patternsAndIgnoreGlobsMatchFileNamesNotPaths() throws IOException {
        Path file = write(FEED + """
                source: { local: { dir: drop }, pattern: "in/*.xml", ignore: ["*.tmp", "old\\\\*"] }
                """);

        assertThat(problems(file)).containsExactly(
                file + ": source.pattern: expected a glob on the file name alone, without '/' or '\\', such as *.xml,"
                        + " got 'in/*.xml'",
                file + ": source.ignore: expected a glob on the file name alone, without '/' or '\\', such as *.xml,"
                        + " got 'old\\*'");
    }

    @Test
    void unknownChoicesAndAMarkerWithoutMarkerReadinessAreReported() throws IOException {
        Path file = write(FEED + """
                source: { local: { dir: drop }, ready: complete, marker: .done, after: move, unzip: true }
                """);

        assertThat(problems(file)).containsExactly(
                file + ": source.unzip: unknown key; expected one of after, archiveDir, failedDir, ftp, ignore, local,"
                        + " marker, pattern, pollEvery, ready, readyTimeout, stableAfter",
                file + ": source.ready: expected stable or marker, got 'complete'",
                file + ": source.marker: only applies with ready: marker",
                file + ": source.after: expected archive, delete or keep, got 'move'");
    }

    @Test
    void pollingFasterThanOnceASecondOrTimingOutBeforeTheNextPollIsRefused() throws IOException {
        Path tooFast = write(FEED + "source: { local: { dir: drop }, pollEvery: 500ms }\n");
        Path tooShort = write(FEED + "source: { local: { dir: drop }, pollEvery: 2m, readyTimeout: 90s }\n");
        Path bad = write(FEED + "source: { local: { dir: drop }, pollEvery: often }\n");

        assertThat(problems(tooFast)).containsExactly(tooFast + ": source.pollEvery: expected at least 1s, got '500ms'");
        assertThat(problems(tooShort)).containsExactly(tooShort + ": source.readyTimeout: is not longer than pollEvery (120s);"
                + " every file would be reported before it could be found ready");
        assertThat(problems(bad)).containsExactly(
                bad + ": source.pollEvery: expected a positive duration such as 500ms, 30s, 10m or 2h, got 'often'");
    }

    @Test
    void aScheduleIsACronInUtcOrACronWithItsZone() throws IOException {
        FeedDefinition utc = loader.load(write(FEED + "schedule: \"0 0 2 * * *\"\n"));
        FeedDefinition sofia = loader.load(write(FEED + "schedule: { cron: \"0 0 2 * * *\", zone: Europe/Sofia }\n"));

        assertThat(utc.schedule()).isEqualTo(new ScheduleDefinition("0 0 2 * * *", ZoneId.of("UTC")));
        assertThat(sofia.schedule()).isEqualTo(new ScheduleDefinition("0 0 2 * * *", ZoneId.of("Europe/Sofia")));
        assertThat(sofia.pickup()).isNull();
    }

    @Test
    void anInvalidCronSaysWhatAValidOneLooksLike() throws IOException {
        Path unix = write(FEED + "schedule: \"0 2 * * *\"\n");
        Path nonsense = write(FEED + "schedule: { cron: nightly, zone: Mars/Olympus, at: 2 }\n");

        assertThat(problems(unix)).containsExactly(unix + ": schedule: expected a Spring cron of six fields, seconds first,"
                + " such as \"0 0 2 * * *\" (02:00 every day), got '0 2 * * *'; did you mean '0 0 2 * * *'?");
        assertThat(problems(nonsense)).containsExactly(
                nonsense + ": schedule.at: unknown key; expected one of cron, zone",
                nonsense + ": schedule.cron: expected a Spring cron of six fields, seconds first, such as \"0 0 2 * * *\""
                        + " (02:00 every day), got 'nightly'",
                nonsense + ": schedule.zone: unknown time zone 'Mars/Olympus'; expected a region such as Europe/Sofia, or UTC");
    }

    @Test
    void acceptsNamesThatMatchThePatternAndNoIgnoreGlob() throws IOException {
        SourceDefinition source = loader.load(write(FEED + "source: { local: { dir: drop }, pattern: \"offers-??.xml\" }\n"))
                .pickup();

        assertThat(source.accepts("offers-01.xml")).isTrue();
        assertThat(source.accepts("offers-1.xml")).as("? is exactly one character").isFalse();
        assertThat(source.accepts("offers-01.XML")).as("case-sensitive").isFalse();
        assertThat(source.accepts("old/offers-01.xml")).as("whole name").isFalse();
        assertThat(source.accepts("offers-01.xml.tmp")).isFalse();
    }

    @Test
    void ignoreGlobsWinOverThePatternAndDotFilesAreHiddenByDefault() throws IOException {
        SourceDefinition defaults = loader.load(write(FEED + "source: { local: { dir: drop }, pattern: \"*.xml*\" }\n")).pickup();
        SourceDefinition custom = loader.load(write(FEED + """
                source: { local: { dir: drop }, pattern: "*.xml", ignore: ["*-draft.xml"] }
                """)).pickup();

        assertThat(defaults.accepts("offers.xml")).isTrue();
        assertThat(defaults.accepts(".offers.xml")).isFalse();
        assertThat(defaults.accepts("offers.xml.part")).isFalse();
        assertThat(defaults.accepts("offers.xml.filepart")).isFalse();
        assertThat(custom.accepts("offers-draft.xml")).isFalse();
        assertThat(custom.accepts(".offers.xml")).as("an explicit ignore list replaces the defaults").isTrue();
    }

    @Test
    void markerFilesAreNeverAcceptedAsFilesOfTheFeed() throws IOException {
        SourceDefinition source = loader.load(write(FEED + "source: { local: { dir: drop }, ready: marker }\n")).pickup();

        assertThat(source.accepts("offers.xml")).isTrue();
        assertThat(source.accepts("offers.xml.done")).isFalse();
    }

    private List<String> problems(Path file) {
        try {
            loader.load(file);
        } catch (InvalidFeedDefinitionException e) {
            return e.problems().stream().map(DefinitionProblem::toString).toList();
        }
        throw new AssertionError(file + " loaded without problems");
    }

    private Path write(String yaml) throws IOException {
        return write(dir, yaml);
    }

    private static Path write(Path folder, String yaml) throws IOException {
        Path file = Files.createTempFile(folder, "feed", ".yml");
        Files.writeString(file, yaml);
        return file;
    }
}
