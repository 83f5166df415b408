package io.feedimport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        Result result() throws IOException {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        Running running = start(args);
        if (!running.process().waitFor(5, TimeUnit.MINUTES)) {
            running.process().destroyForcibly();
            throw new IllegalStateException("feedimport " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return running.result();
    }

    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-Duser.timezone=UTC",
                "-Dfeedimport.data-dir=" + dataDir));
        if (Files.isRegularFile(APP.resolve("feedimport.jsa"))) {
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
