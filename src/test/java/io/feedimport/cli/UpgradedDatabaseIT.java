package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI started on the data directory of the release before migrations (the H2 fixture of
 * upgrade/make-fixtures.sh): whichever command comes first migrates the database before it reads it, and the old
 * runs, skip report, files and parked records are shown as that release recorded them.
 */
class UpgradedDatabaseIT {

    static final Path JOBS = Path.of("jobs").toAbsolutePath();

    @TempDir
    Path dir;

    CliProcess cli;

    @BeforeEach
    void oldDataDirectory() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/resources/upgrade/h2/feedimport.mv.db"), data.resolve("feedimport.mv.db"));
        cli = new CliProcess(data, dir);
    }

    @Test
    void aReadingCommandFirstMigratesTheOldDatabaseAndShowsWhatItHolds() throws Exception {
        CliProcess.Result runs = cli.run("runs");

        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).containsPattern("(?m)^\\s+4\\s+offers\\s+FAILED")
                .containsPattern("(?m)^\\s+2\\s+offers\\s+COMPLETED\\s+300\\s+15\\s+282\\s+2\\s+1\\s");
        assertThat(schemaVersion()).isEqualTo("6");

        CliProcess.Result report = cli.run("report", "1");
        CliProcess.Result files = cli.run("files", "offers");
        CliProcess.Result parked = cli.run("parked", "offers", "--jobs", JOBS.toString());

        assertThat(report.out()).contains("OF-000003", "OF-000004");
        assertThat(files.out()).contains("offers-2026-11-23.xml", "offers-2026-11-24.xml");
        assertThat(parked.out()).contains("OF-000007", "conflicts with a concurrent update");
    }

    @Test
    void anImportIntoTheOldDatabaseCarriesOnItsRunNumbers() throws Exception {
        CliProcess.Result run = cli.run("run", FeedImportCliIT.JOB.toString(), "--file", FeedImportCliIT.SAMPLE.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("run 5 of feed offers: COMPLETED");
        assertThat(schemaVersion()).isEqualTo("6");
    }

    private String schemaVersion() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/feedimport") + ";AUTO_SERVER=TRUE", "sa", "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
