package io.feedimport.cli;

import static io.feedimport.cli.FeedImportCliIT.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of a large file resumes from its last committed chunk when the same command
 * runs again, and ends with counts that reconcile and every valid record stored exactly once.
 */
class ResumeAfterKillIT {

    static final int RECORDS = 200_000;

    @TempDir
    static Path shared;

    static Path feed;
    static long valid;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        feed = shared.resolve("offers-200k.xml");
        CliProcess.Result generated = new CliProcess(shared.resolve("data"), shared).run("generate", "offers", "--records",
                String.valueOf(RECORDS), "--invalid-percent", "2", "--seed", "7", "--out", feed.toString());
        Matcher invalid = Pattern.compile("\\(([\\d,]+) invalid\\)").matcher(generated.out());
        assertThat(invalid.find()).as(generated.out()).isTrue();
        valid = RECORDS - Long.parseLong(invalid.group(1).replace(",", ""));
    }

    @Test
    void aKilledRunResumesAndNothingIsLostOrDuplicated() throws Exception {
        CliProcess cli = new CliProcess(dir.resolve("data"), dir);

        CliProcess.Running first = cli.start("run", FeedImportCliIT.JOB.toString(), "--file", feed.toString(), "--json");
        assertThat(cli.awaitCommittedRecords(Duration.ofMinutes(2))).isLessThan(RECORDS);
        assertThat(cli.run("runs").out()).as("runs can be listed while an import holds the database").contains("STARTED");
        new ProcessBuilder("kill", "-9", String.valueOf(first.process().pid())).start().waitFor();
        assertThat(first.process().waitFor()).isEqualTo(137);
        assertThat(first.result().out()).isEmpty();

        CliProcess.Result second = cli.run("run", FeedImportCliIT.JOB.toString(), "--file", feed.toString(), "--json");

        Matcher resumed = Pattern.compile("resuming run 1 after record ([\\d,]+)").matcher(second.err());
        assertThat(resumed.find()).as(second.err()).isTrue();
        long resumedAfter = Long.parseLong(resumed.group(1).replace(",", ""));
        assertThat(resumedAfter).isPositive().isLessThan(RECORDS);
        String json = second.lastLine();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(json).contains("\"runId\":1,", "\"status\":\"COMPLETED\"", "\"reconciled\":true");
        assertThat(number(json, "read")).isEqualTo(RECORDS);
        assertThat(number(json, "published")).isEqualTo(valid);
        assertThat(number(json, "persisted") + number(json, "unchanged")).isEqualTo(valid);
        assertThat(number(json, "parked")).isZero();

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/feedimport"), "sa", "");
             Statement sql = db.createStatement()) {
            assertThat(count(sql, "SELECT COUNT(*) FROM offer")).isEqualTo(valid);
            assertThat(count(sql, "SELECT COUNT(DISTINCT id) FROM offer")).isEqualTo(valid);
            assertThat(count(sql, "SELECT COUNT(*) FROM fi_outcome WHERE run_id = 1")).isEqualTo(valid);
            assertThat(count(sql, "SELECT COUNT(DISTINCT record_no) FROM fi_skip WHERE run_id = 1")).isEqualTo(RECORDS - valid);
        }
    }

    @Test
    void aRunLostOnAnotherHostIsRefusedUntilMarkedFailedByHandAndThenResumes() throws Exception {
        CliProcess cli = new CliProcess(dir.resolve("data"), dir);
        CliProcess.Running first = cli.start("run", FeedImportCliIT.JOB.toString(), "--file", feed.toString());
        assertThat(cli.awaitCommittedRecords(Duration.ofMinutes(2))).isLessThan(RECORDS);
        new ProcessBuilder("kill", "-9", String.valueOf(first.process().pid())).start().waitFor();
        first.process().waitFor();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/feedimport"), "sa", "");
             Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE fi_run SET owner = REGEXP_REPLACE(owner, '^.*/[0-9]+@[0-9]+#', 'another-host/4242@1#')"
                    + " WHERE run_id = 1");
        }

        CliProcess.Result refused = cli.run("run", FeedImportCliIT.JOB.toString(), "--file", feed.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("feedimport: run 1 of this file is being imported by process 4242 on another-host;"
                + " not starting it twice (if that process is gone, mark the run failed with: feedimport recover 1)\n");

        CliProcess.Result recovered = cli.run("recover", "1");
        assertThat(recovered.exitCode()).isZero();
        assertThat(recovered.out()).contains("run 1 marked FAILED; run the same command again to resume it");
        assertThat(cli.run("runs").out()).contains("FAILED");

        CliProcess.Result resumed = cli.run("run", FeedImportCliIT.JOB.toString(), "--file", feed.toString(), "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming run 1 after record ");
        assertThat(number(resumed.lastLine(), "read")).isEqualTo(RECORDS);
        assertThat(number(resumed.lastLine(), "persisted") + number(resumed.lastLine(), "unchanged")).isEqualTo(valid);
        assertThat(cli.run("recover", "1").out()).contains("run 1 is COMPLETED, not in progress: nothing to recover");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
