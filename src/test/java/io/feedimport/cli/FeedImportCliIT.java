package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI on real files, as a user runs it: output, exit codes and what ends up in the database. */
class FeedImportCliIT {

    static final Path JOB = Path.of("jobs/offers-xml.yml").toAbsolutePath();
    static final Path SAMPLE = Path.of("sample-feeds/offers.xml").toAbsolutePath();

    /** The sample definition with its own source: block replaced by another one (or removed, with ""). */
    static String sampleWithSource(String source) throws java.io.IOException {
        String sample = Files.readString(JOB);
        String without = sample.replaceAll("(?ms)^source:.*?(?=^\\S)", "");
        if (without.equals(sample)) {
            throw new IllegalStateException("the sample definition has no source: block to replace");
        }
        return without + (source.isEmpty() ? "" : "\n" + source);
    }

    @TempDir
    Path dir;

    CliProcess cli;

    @BeforeEach
    void cli() {
        cli = new CliProcess(dir.resolve("data"), dir);
    }

    @Test
    void runImportsTheSampleAndItsJsonSummaryReconciles() throws Exception {
        CliProcess.Result result = cli.run("run", JOB.toString(), "--file", SAMPLE.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String json = result.lastLine();
        assertThat(json).startsWith("{").endsWith("}").contains("\"status\":\"COMPLETED\"", "\"reconciled\":true", "\"durationMs\":");
        long read = number(json, "read");
        assertThat(read).isGreaterThan(100);
        assertThat(number(json, "skipped")).isPositive();
        assertThat(read).isEqualTo(number(json, "skipped") + number(json, "persisted") + number(json, "unchanged") + number(json, "parked"));
        assertThat(number(json, "published")).isEqualTo(read - number(json, "skipped"));
        for (String key : new String[] {"runId", "feed", "file", "status", "read", "skipped", "published", "persisted", "unchanged", "parked", "durationMs"}) {
            assertThat(json).contains("\"" + key + "\":");
        }
    }

    @Test
    void aRunThatLeavesTheEmbeddedDatabaseMostlyGarbageRewritesItAndTheNextCommandsReadIt() throws Exception {
        // the sample leaves far less garbage than the 64 MB worth a rewrite: any garbage is worth it here
        CliProcess compacting = new CliProcess(dir.resolve("data"), dir,
                Map.of("FEEDIMPORT_COMPACT_BELOW_FILL_RATE", "100", "FEEDIMPORT_COMPACT_MIN_GARBAGE", "0"));
        CliProcess.Result first = compacting.run("run", JOB.toString(), "--file", SAMPLE.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err().lines().filter(line -> !line.startsWith("feedimport: run 1 ")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("feedimport: compacted the embedded database from [0-9]+ MB to [0-9]+ MB in [0-9.]+ s"
                        + " \\([0-9]+% of it was live\\)");
        CliProcess.Result runs = cli.run("runs");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("COMPLETED");
        CliProcess.Result again = cli.run("run", JOB.toString(), "--file", SAMPLE.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("unchanged");
        assertThat(again.err()).as("with the default thresholds, the sample's garbage is not worth a rewrite")
                .doesNotContain("compacted");
    }

    @Test
    void theSampleContactsWorkbookImportsAsXlsxAndTheSameContactsAsXlsWithTheSameSkipReport() throws Exception {
        Path xls = dir.resolve("contacts.xls");
        cli.run("generate", "contacts", "--records", "300", "--invalid-percent", "5", "--seed", "2026", "--out", xls.toString());
        Path xlsJob = dir.resolve("contacts-xls.yml");
        Files.writeString(xlsJob, Files.readString(Path.of("jobs/contacts-xlsx.yml").toAbsolutePath())
                .replace("type: xlsx ", "type: xls ").replace("table: contact", "table: contact_xls"));

        CliProcess.Result xlsx = cli.run("run", Path.of("jobs/contacts-xlsx.yml").toAbsolutePath().toString(), "--file",
                Path.of("sample-feeds/contacts.xlsx").toAbsolutePath().toString(), "--json");
        CliProcess.Result old = cli.run("run", xlsJob.toString(), "--file", xls.toString(), "--json");

        for (CliProcess.Result result : List.of(xlsx, old)) {
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.lastLine()).contains("\"read\":300", "\"skipped\":15", "\"persisted\":285", "\"reconciled\":true");
        }
        String xlsxReport = cli.run("report", "1").out();
        String xlsReport = cli.run("report", "2").out();
        assertThat(xlsxReport).contains("contacts.xlsx:21:1: record 20 (CT-000020): email [required]",
                "birthDate [max] '2031-05-17'", "score [min] '-5'", "active [type] 'maybe'");
        assertThat(xlsReport.replace("contacts.xls:", "contacts.xlsx:").lines().map(line -> line.replaceAll("^\\S*/", "")).toList())
                .isEqualTo(xlsxReport.lines().map(line -> line.replaceAll("^\\S*/", "")).toList().stream()
                        .map(line -> line.replace("run 1 (", "run 2 (")).toList());
    }

    @Test
    void theOffersWithLookupsStoreReferenceIdsSayHowOftenTheCacheAnsweredAndCanBeEvicted() throws Exception {
        Path jobs = Path.of("jobs").toAbsolutePath();

        CliProcess.Result run = cli.run("run", jobs.resolve("offers-lookups.yml").toString(), "--file", SAMPLE.toString(), "--json");
        CliProcess.Result evict = cli.run("cache", "evict", "cities", "--jobs", jobs.toString());
        CliProcess.Result unknown = cli.run("cache", "evict", "planets", "--jobs", jobs.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lastLine()).contains("\"persisted\":285", "\"reconciled\":true");
        assertThat(run.err()).containsPattern("lookups: \\d+\\.\\d% from the cache \\(\\d+ hits, \\d+ misses, \\d+ database reads,"
                + " 50 created\\)");
        assertThat(evict.exitCode()).isZero();
        assertThat(evict.out()).isEqualTo("evicted lookup cities of feed offers_ref (table city)\n");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no feed in " + jobs + " declares a lookup named 'planets'");
    }

    @Test
    void theHumanSummaryShowsTheCountsAndTheReportAndRunsCommandsShowTheRun() throws Exception {
        CliProcess.Result run = cli.run("run", JOB.toString(), "--file", SAMPLE.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run 1 of feed offers: COMPLETED", "reconciled:")
                .containsPattern("\\(why: java -Dfeedimport\\.data-dir=\\S+ -jar \\S+/feedimport\\.jar report 1\\)");

        CliProcess.Result report = cli.run("report", "1");
        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).contains("offers.xml:", ": record ", "[required]", "records skipped");

        Path csv = dir.resolve("skips.csv");
        assertThat(cli.run("report", "1", "--csv", csv.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("run_id,feed,file,record,line,column,key,field,rule,value,message,"
                + "record.id,record.kind,record.title,record.description,record.price,record.currency,record.rooms,record.area,"
                + "record.city,record.district,record.agentId,record.agentName,record.email,record.furnished,"
                + "record.availableFrom,record.updatedAt");
        assertThat(Files.readString(csv)).contains("\"'-");

        CliProcess.Result runs = cli.run("runs");
        assertThat(runs.out()).contains("COMPLETED").contains(SAMPLE.toString());
    }

    @Test
    void pruningARunForgetsItsSkipReportAndSaysSoButKeepsItsCounts() throws Exception {
        assertThat(cli.run("run", JOB.toString(), "--file", SAMPLE.toString()).exitCode()).isZero();

        CliProcess.Result notYet = cli.run("prune", "--keep-days", "1");
        CliProcess.Result prune = cli.run("prune", "--keep-days", "0");
        CliProcess.Result report = cli.run("report", "1");
        CliProcess.Result runs = cli.run("runs");

        assertThat(notYet.out()).startsWith("pruned the per-record details of 0 run(s)");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).containsPattern("pruned the per-record details of 1 run\\(s\\) completed before \\S+: 285 record"
                + " outcomes, 15 skip report lines, [1-9]\\d* progress samples");
        assertThat(report.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(report.err().lines().toList()).singleElement().asString()
                .contains("the skip report of run 1 (15 records skipped) was pruned on ", "feedimport.retention-days");
        assertThat(runs.out()).containsPattern("1 +offers +COMPLETED +300 +15 +285 +0 +0");
        assertThat(cli.run("prune", "--keep-days", "soon").err()).contains("--keep-days expects a whole number, got 'soon'");
    }

    @Test
    void aDataDirectoryGivenAsAPlainRelativePathWorks() throws Exception {
        CliProcess relative = new CliProcess(Path.of("plain-relative-data"), dir);

        CliProcess.Result result = relative.run("run", JOB.toString(), "--file", SAMPLE.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(dir.resolve("plain-relative-data/feedimport.mv.db")).exists();
    }

    @Test
    void validateIsADryRunThatPrintsTheSkipReport() throws Exception {
        CliProcess.Result result = cli.run("validate", JOB.toString(), "--file", SAMPLE.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("validated ", " skipped (skip limit 10%)", "[pattern]");
        assertThat(cli.run("runs").out()).contains("no runs yet");
    }

    @Test
    void aBadDefinitionIsRefusedWithOneLinePerProblemAndExitCode2() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "name: offers\nformat: { type: xml }\nfields:\n  id: { path: \"@id\", type: uuid }\n");

        CliProcess.Result result = cli.run("run", bad.toString(), "--file", SAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactlyInAnyOrder(
                "feedimport: invalid feed definition: " + bad + ": format.record: is required",
                "feedimport: invalid feed definition: " + bad + ": fields.id.type: unknown type 'uuid'; expected one of string, integer, decimal, boolean, date, datetime, enum",
                "feedimport: invalid feed definition: " + bad + ": target: is required");
    }

    @Test
    void aPatternOnlyABacktrackingEngineCouldRunIsRefusedWithOneLineAndExitCode2() throws Exception {
        String sample = Files.readString(JOB);
        String emailPattern = "pattern: \"^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$\"";
        assertThat(sample).contains(emailPattern);
        Path bad = Files.writeString(dir.resolve("backreference.yml"), sample.replace(emailPattern, "pattern: \"^(\\\\w)\\\\1$\""));

        CliProcess.Result result = cli.run("validate", bad.toString(), "--file", SAMPLE.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("feedimport: invalid feed definition: " + bad
                + ": fields.email.pattern: uses a backreference `\\1`, which only a backtracking engine can run;"
                + " patterns are RE2 syntax and run in linear time");
    }

    @Test
    void unreadableInputExitsWith2AndAFileWithoutRecordsFailsTheRun() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.xml"));
        Path other = Files.writeString(dir.resolve("other.xml"), "<catalog><item/></catalog>");

        assertOneLineError(cli.run("run", JOB.toString(), "--file", dir.resolve("missing.xml").toString()), 2, "missing.xml: no such file");
        assertOneLineError(cli.run("run", JOB.toString(), "--file", dir.toString()), 2, "is a directory, expected a feed file");
        assertOneLineError(cli.run("run", JOB.toString(), "--file", empty.toString()), 2, "empty.xml: is empty (0 bytes)");
        CliProcess.Result noRecords = cli.run("run", JOB.toString(), "--file", other.toString());
        assertThat(noRecords.exitCode()).isEqualTo(1);
        assertThat(noRecords.err()).contains("no record element /feed/offers/offer found (the document's root element is <catalog>)");
        assertThat(cli.run("run", JOB.toString()).exitCode()).isEqualTo(2);
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void aMalformedFileFailsWithFileLineAndColumnAndExit1() throws Exception {
        String sample = Files.readString(SAMPLE);
        int cut = sample.indexOf("</offer>", sample.length() / 2);
        Path truncated = Files.writeString(dir.resolve("truncated.xml"), sample.substring(0, cut + 3));

        CliProcess.Result result = cli.run("run", JOB.toString(), "--file", truncated.toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).containsPattern("run 1 failed: .*truncated\\.xml:\\d+:\\d+: malformed XML: ");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.lastLine()).contains("\"status\":\"FAILED\"", "\"reconciled\":true");
        assertThat(number(result.lastLine(), "read")).isPositive();
    }

    @Test
    void windows1251BytesInAFileDeclaredUtf8KeepTheRecordsBeforeThemAndFailTheRunAsATruncatedFileDoes() throws Exception {
        // given the sample, declared UTF-8, with the Windows-1251 bytes of "Аб" in the title of offer 151
        String sample = Files.readString(SAMPLE);
        int title = sample.indexOf("<title>", sample.indexOf("<offer id=\"OF-000151\"")) + "<title>".length();
        Path file = dir.resolve("cp1251-inside.xml");
        try (var out = Files.newOutputStream(file)) {
            out.write(sample.substring(0, title).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC0, (byte) 0xE1});
            out.write(sample.substring(title).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long line = sample.substring(0, title).lines().count();
        int column = title - sample.lastIndexOf('\n', title - 1);

        // when it is imported
        CliProcess.Result result = cli.run("run", JOB.toString(), "--file", file.toString(), "--json");

        // then the 150 records before are read and accounted for, the run fails with exit 1, and says where the bytes are
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("run 1 failed: " + file + ":" + line + ":" + column
                + ": byte C0 (in C0 E1 ", "is not valid UTF-8", "(in record 151)");
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(result.lastLine()).contains("\"status\":\"FAILED\"", "\"reconciled\":true");
        assertThat(number(result.lastLine(), "read")).isEqualTo(150);
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefusedWithOneLineAndExit2BeforeARunIsRegistered() throws Exception {
        Path zip = dir.resolve("contacts.xlsx");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write("hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }

        CliProcess.Result result = cli.run("run", Path.of("jobs/contacts-xlsx.yml").toAbsolutePath().toString(), "--file", zip.toString());

        assertOneLineError(result, 2, zip + ": is a zip archive but not an XLSX workbook (it has no [Content_Types].xml,"
                + " which every Office document has)");
        assertThat(cli.run("runs").out()).contains("no runs yet");
    }

    private static void assertOneLineError(CliProcess.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err().lines()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("feedimport: ").endsWith(message));
    }

    static long number(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(key + " in " + json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

}
