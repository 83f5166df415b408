package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon killed with SIGKILL in the middle of importing a dropped file resumes that same run when it is started
 * again: the file it downloads again is the same content, so it is the same run, and the run whose process is dead is
 * taken over rather than left STARTED for ever. Every record is accounted for and every key stored once.
 */
class DaemonResumeAfterKillIT {

    static final int RECORDS = 150_000;

    @TempDir
    Path dir;

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Test
    void aDaemonKilledMidImportResumesTheSameRunAfterRestartAndTheCountsReconcile() throws Exception {
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("offers.yml"), FeedImportCliIT.sampleWithSource(
                "source:\n  local: { dir: ../drop }\n  pattern: \"*.xml\"\n  pollEvery: 1s\n"));
        // the killed daemon's lock on the feed expires after this, not after the default two minutes
        CliProcess cli = new CliProcess(dir.resolve("data"), dir, Map.of("FEEDIMPORT_LOCK_TTL", "8s"));
        Path export = dir.resolve("export.xml");
        CliProcess.Result generated = cli.run("generate", "offers", "--records", String.valueOf(RECORDS),
                "--invalid-percent", "2", "--seed", "11", "--out", export.toString());
        Matcher invalid = Pattern.compile("\\(([\\d,]+) invalid\\)").matcher(generated.out());
        assertThat(invalid.find()).as(generated.out()).isTrue();
        long valid = RECORDS - Long.parseLong(invalid.group(1).replace(",", ""));

        // given a daemon importing a dropped file, killed once its first chunks are committed
        CliProcess.Running first = daemon(cli);
        Files.copy(export, drop.resolve("export.xml"));
        assertThat(cli.awaitCommittedRecords(Duration.ofMinutes(2))).as("the import ended before it could be killed")
                .isLessThan(RECORDS);
        new ProcessBuilder("kill", "-9", String.valueOf(first.process().pid())).start().waitFor();
        assertThat(first.process().waitFor()).isEqualTo(137);
        assertThat(drop.resolve("archive")).as("killed before the end").doesNotExist();

        // when a daemon starts again over the same folder and database
        CliProcess.Running second = daemon(cli);
        awaitArchived(drop, second);
        second.process().destroy();
        second.process().waitFor();

        // then it resumed run 1 rather than starting run 2, and run 1 reconciles key by key
        assertThat(second.errSoFar()).contains("offers: export.xml: imported as run 1: " + RECORDS + " read");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/feedimport"), "sa", "");
             Statement sql = db.createStatement()) {
            assertThat(count(sql, "SELECT COUNT(*) FROM fi_run")).as("one run, no second one from record 1").isEqualTo(1);
            assertThat(count(sql, "SELECT COUNT(*) FROM fi_run WHERE status = 'STARTED'")).isZero();
            assertThat(count(sql, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the killed execution and its resumption")
                    .isEqualTo(2);
            assertThat(count(sql, "SELECT MAX(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%read%'"))
                    .as("neither execution read the whole file: the second went on after the first; steps: %s; daemon: %s",
                            steps(sql), second.errSoFar()).isLessThan(RECORDS);
            try (ResultSet run = sql.executeQuery("SELECT status, read_count, skipped, persisted, unchanged, parked"
                    + " FROM fi_run WHERE run_id = 1")) {
                assertThat(run.next()).isTrue();
                assertThat(run.getString(1)).isEqualTo("COMPLETED");
                assertThat(run.getLong(2)).isEqualTo(RECORDS);
                assertThat(run.getLong(3) + run.getLong(4) + run.getLong(5) + run.getLong(6)).isEqualTo(RECORDS);
                assertThat(run.getLong(4) + run.getLong(5)).isEqualTo(valid);
            }
            assertThat(count(sql, "SELECT COUNT(*) FROM offer")).isEqualTo(valid);
            assertThat(count(sql, "SELECT COUNT(DISTINCT id) FROM offer")).isEqualTo(valid);
            assertThat(count(sql, "SELECT COUNT(*) FROM fi_file WHERE state = 'IMPORTED' AND run_id = 1")).isEqualTo(1);
        }
    }

    private static String steps(Statement sql) throws Exception {
        StringBuilder steps = new StringBuilder();
        try (ResultSet rs = sql.executeQuery("SELECT JOB_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, COMMIT_COUNT"
                + " FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                steps.append(String.format("[job %d %s %s read %d commits %d]", rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return steps.toString();
    }

    private CliProcess.Running daemon(CliProcess cli) throws Exception {
        CliProcess.Running daemon = cli.start("daemon", "--jobs", dir.resolve("jobs").toString());
        started.add(daemon.process());
        daemon.awaitErr("feedimport daemon: picking up", Duration.ofSeconds(300));
        return daemon;
    }

    private static void awaitArchived(Path drop, CliProcess.Running daemon) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!Files.exists(drop.resolve("archive/export.xml"))) {
            assertThat(System.nanoTime()).as("not imported within 3 minutes: " + daemon.errSoFar()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
