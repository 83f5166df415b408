package io.feedimport.cli;

import static io.feedimport.cli.FeedImportCliIT.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.read.RecordReader;
import io.feedimport.read.RecordReaders;
import io.feedimport.read.SourceRecord;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.RecordValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run killed with SIGKILL at a random point resumes by seeking to the byte where its last committed record starts,
 * not by parsing the records before it, in each encoding and with namespaces: it says where it seeked, the bytes there
 * are that record's start tag, and the table then holds every valid record of the file once, as the file has it.
 */
class OffsetResumeAfterKillIT {

    static final int RECORDS = 40_000;

    @TempDir
    static Path shared;

    static Path generated;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        generated = shared.resolve("offers-40k.xml");
        CliProcess.Result result = new CliProcess(shared.resolve("data"), shared).run("generate", "offers", "--records",
                String.valueOf(RECORDS), "--invalid-percent", "2", "--seed", "11", "--out", generated.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8,false", "windows-1251,false", "UTF-16LE,false", "UTF-8,true"})
    void aKilledRunResumesAtTheByteOffsetOfItsLastCommittedRecord(String encoding, boolean namespaced) throws Exception {
        Charset charset = Charset.forName(encoding);
        Path feedFile = dir.resolve("offers.xml");
        transcode(charset, namespaced, feedFile);
        Path job = namespaced ? namespacedJob() : FeedImportCliIT.JOB;
        CliProcess cli = new CliProcess(dir.resolve("data"), dir);
        long seed = System.nanoTime();

        CliProcess.Running first = cli.start("run", job.toString(), "--file", feedFile.toString(), "--json");
        cli.awaitCommittedRecords(Duration.ofMinutes(2));
        Thread.sleep(new Random(seed).nextInt(1_500)); // a random point, chunks committing all along
        new ProcessBuilder("kill", "-9", String.valueOf(first.process().pid())).start().waitFor();
        assertThat(first.process().waitFor()).as("killed before the end (seed " + seed + ")").isEqualTo(137);

        CliProcess.Result second = cli.run("run", job.toString(), "--file", feedFile.toString(), "--json");

        assertThat(second.exitCode()).as(second.err()).isZero();
        Matcher resumed = Pattern.compile("resuming run 1 after record ([\\d,]+)").matcher(second.err());
        Matcher seeked = Pattern.compile("resumed at byte offset ([\\d,]+), record ([\\d,]+)").matcher(second.err());
        assertThat(resumed.find() && seeked.find()).as(second.err()).isTrue();
        long offset = parse(seeked.group(1));
        long record = parse(seeked.group(2));
        assertThat(record).isPositive().isLessThanOrEqualTo(parse(resumed.group(1))).isLessThan(RECORDS);
        assertThat(startTagAt(feedFile, offset, charset)).as("the bytes at the offset").startsWith("<offer id=\"OF-");

        String json = second.lastLine();
        assertThat(json).contains("\"runId\":1,", "\"status\":\"COMPLETED\"", "\"reconciled\":true");
        assertThat(number(json, "read")).isEqualTo(RECORDS);
        assertThat(number(json, "skipped") + number(json, "persisted") + number(json, "unchanged") + number(json, "parked"))
                .isEqualTo(RECORDS);
        Map<String, String> expected = validTitles(new FeedDefinitionLoader().load(job), feedFile);
        assertThat(number(json, "skipped")).isEqualTo(RECORDS - expected.size());
        assertThat(storedTitles()).as("the table, key by key").isEqualTo(expected);
    }

    /** The generated feed in another encoding, its prolog saying so; namespaced, its offers wrapper gets a prefix. */
    private static void transcode(Charset charset, boolean namespaced, Path target) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(generated, StandardCharsets.UTF_8);
             OutputStream bytes = Files.newOutputStream(target);
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(bytes, charset))) {
            if (charset.equals(StandardCharsets.UTF_16LE)) {
                out.write('\uFEFF');
            }
            String declared = charset.name().replaceAll("LE$", "");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.replace("encoding=\"UTF-8\"", "encoding=\"" + declared + "\"");
                if (namespaced) {
                    line = line.replace("<offers>", "<x:offers xmlns:x=\"urn:imotierp:export:batches\">")
                            .replace("</offers>", "</x:offers>");
                }
                out.write(line);
                out.write('\n');
            }
        }
    }

    private Path namespacedJob() throws Exception {
        String yaml = Files.readString(FeedImportCliIT.JOB).replaceFirst("(?m)^  record: .*$",
                "  record: /f:feed/x:offers/f:offer\n  namespaces: { f: \"urn:imotierp:export:offers:7\","
                        + " x: \"urn:imotierp:export:batches\" }");
        assertThat(yaml).contains("x:offers");
        Path job = dir.resolve("offers-xml.yml");
        Files.writeString(job, yaml);
        return job;
    }

    private static String startTagAt(Path file, long offset, Charset charset) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return new String(in.readNBytes(64), charset);
        }
    }

    /** What an uninterrupted read of the file says the table must hold: each valid record's key and title. */
    private static Map<String, String> validTitles(FeedDefinition feed, Path file) {
        RecordValidator validator = new RecordValidator(feed);
        int title = feed.fields().stream().map(f -> f.name()).toList().indexOf("title");
        Map<String, String> titles = new HashMap<>();
        try (RecordReader reader = RecordReaders.open(feed, file)) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                CheckedRecord checked = validator.check(record);
                if (checked.valid()) {
                    titles.put(record.value(0), record.value(title));
                }
            }
        }
        return titles;
    }

    private Map<String, String> storedTitles() throws Exception {
        Map<String, String> titles = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/feedimport"), "sa", "");
             Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT id, title FROM offer")) {
            while (rs.next()) {
                assertThat(titles.put(rs.getString(1), rs.getString(2))).as("stored twice: " + rs.getString(1)).isNull();
            }
        }
        return titles;
    }

    private static long parse(String number) {
        return Long.parseLong(number.replace(",", ""));
    }
}
