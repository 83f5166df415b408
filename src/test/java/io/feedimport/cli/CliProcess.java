package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged CLI as a real process with its own data directory, as {@code ./feedimport} does: from the
 * extracted jar with the class data sharing archive of scripts/cds.sh when the build made one, else the plain jar.
 */
final class CliProcess {

    static final Path JAR = Path.of("target/feedimport.jar").toAbsolutePath();
    private static final Path APP = Path.of("target/app").toAbsolutePath();
    private static final Duration H2_WRITE_DELAY = Duration.ofMillis(500);

    record Result(int exitCode, String out, String err) {

        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private final Path dataDir;
    private final Path workDir;
    private final Map<String, String> environment;
    private int started;

    CliProcess(Path dataDir, Path workDir) {
        this(dataDir, workDir, Map.of());
    }

    /** @param environment added to the process's environment, as an operator sets SPRING_DATASOURCE_URL and the like */
    CliProcess(Path dataDir, Path workDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.environment = environment;
    }

    /** A started CLI process and the files its output goes to. */
    record Running(Process process, Path out, Path err) {

        String errSoFar() throws IOException {
            return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
        }

        /** Waits until the process has written {@code text} to stderr; fails if it dies first or takes longer than {@code within}. */
        Running awaitErr(String text, Duration within) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!errSoFar().contains(text)) {
                assertThat(process.isAlive()).as("died before printing '" + text + "': " + errSoFar()).isTrue();
                assertThat(System.nanoTime()).as("did not print '" + text + "' within " + within + ": " + errSoFar())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            return this;
        }

        Result result() throws IOException {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /**
     * Waits until an import in this data directory has committed its first chunk to disk, and returns how many records
     * its run had accounted for. A progress line is not enough before a kill: it is printed once a chunk is published,
     * before that chunk commits. Nor is a commit seen through H2's server: H2 writes committed transactions to its file
     * within its write delay (500 ms by default), so a kill -9 right after one leaves nothing to resume from.
     */
    long awaitCommittedRecords(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String url = "jdbc:h2:file:" + dataDir.resolve("feedimport") + ";AUTO_SERVER=TRUE";
        while (true) {
            assertThat(System.nanoTime()).as("no committed chunk within " + within).isLessThan(deadline);
            if (Files.exists(dataDir.resolve("feedimport.mv.db"))) {
                try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement();
                     ResultSet rs = sql.executeQuery("SELECT COALESCE(MAX(read_count), 0) FROM fi_run WHERE status = 'STARTED'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        Thread.sleep(H2_WRITE_DELAY.multipliedBy(3).toMillis());
                        return rs.getLong(1);
                    }
                } catch (SQLException e) {
                    // the engine has not created its tables yet
                }
            }
            Thread.sleep(100);
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        Running running = start(args);
        if (!running.process().waitFor(5, TimeUnit.MINUTES)) {
            String threads = threadDump(running.process());
            running.process().destroyForcibly();
            throw new IllegalStateException("feedimport " + String.join(" ", args) + " did not finish in 5 minutes;"
                    + " its stderr:\n" + running.errSoFar() + "\nits threads:\n" + threads);
        }
        return running.result();
    }

    /** What each thread of a hung process is doing, so that a hang found by CI can be told apart from a slow machine. */
    private static String threadDump(Process process) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(jcmd failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /**
     * As the launcher decides: an archive older than the jar was recorded from an earlier build (one packaged with
     * -Dcds.skip leaves target/app as it was), and its extracted jar would run yesterday's code.
     */
    private static boolean archiveIsCurrent() throws IOException {
        Path archive = APP.resolve("feedimport.jsa");
        return Files.isRegularFile(archive) && Files.isRegularFile(APP.resolve("feedimport.jar")) && Files.isRegularFile(JAR)
                && Files.getLastModifiedTime(JAR).compareTo(Files.getLastModifiedTime(archive)) <= 0;
    }

    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Duser.timezone=UTC",
                "-Dfeedimport.data-dir=" + dataDir));
        if (archiveIsCurrent()) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + APP.resolve("feedimport.jsa"), "-Xlog:cds=off,cds+dynamic=off",
                    "-jar", APP.resolve("feedimport.jar").toString()));
        } else {
            command.addAll(List.of("-jar", JAR.toString()));
        }
        command.addAll(List.of(args));
        int n = started++;
        Path out = workDir.resolve("out-" + n + "-" + System.nanoTime() + ".txt");
        Path err = workDir.resolve("err-" + n + "-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new Running(process, out, err);
    }
}
