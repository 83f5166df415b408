package io.feedimport.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The commands the CLI suggests (the skip report, the parked records, their replay), written so that typed as
 * printed they run as this command did: the same program, {@code --profile}, definitions folder and data directory,
 * each word quoted for a POSIX shell where it needs it.
 */
final class Hints {

    /** Set by the {@code ./feedimport} launcher to the path it was started by. */
    static final String LAUNCHER = "feedimport.launcher";
    private static final String DATA_DIR = "feedimport.data-dir";
    private static final String DEFAULT_JOBS = "jobs";
    /** Words a shell takes as they are; like Python's shlex.quote, everything else is single-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** How this process was started, and which commands take {@code --jobs}. */
    record Invocation(String program, Predicate<String> takesJobs) {

        /**
         * The launcher's path when it started us, else {@code java -jar JAR} when we run from one jar; a data directory
         * given to the JVM is carried, since no shell keeps it for the next command (an exported variable it does).
         */
        static Invocation of(Properties system, Predicate<String> takesJobs) {
            String launcher = system.getProperty(LAUNCHER);
            String dataDir = system.getProperty(DATA_DIR);
            String classPath = system.getProperty("java.class.path", "");
            String program;
            if (launcher != null && !launcher.isBlank()) {
                program = (dataDir == null ? "" : "FEEDIMPORT_DATA_DIR=" + quote(dataDir) + " ") + quote(launcher);
            } else if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
                program = "java " + (dataDir == null ? "" : quote("-D" + DATA_DIR + "=" + dataDir) + " ") + "-jar " + quote(classPath);
            } else {
                program = "feedimport";
            }
            return new Invocation(program, takesJobs);
        }
    }

    private final Invocation invocation;
    private final String profile;
    private final String jobs;

    Hints(Invocation invocation, String profile, String jobs) {
        this.invocation = invocation;
        this.profile = profile;
        this.jobs = jobs;
    }

    /** For a command given one definition file: hints that need definitions look in that file's folder. */
    Hints withDefinitionsOf(Path definition) {
        if (jobs != null || definition == null) {
            return this;
        }
        Path folder = definition.getParent() == null ? Path.of(".") : definition.getParent();
        boolean isDefault = folder.toAbsolutePath().normalize().equals(Path.of(DEFAULT_JOBS).toAbsolutePath().normalize());
        return isDefault ? this : new Hints(invocation, profile, folder.toString());
    }

    /** The command line for {@code command} with {@code args}, ready to paste into a shell. */
    String command(String command, String... args) {
        List<String> words = new ArrayList<>(List.of(command));
        words.addAll(List.of(args));
        if (profile != null) {
            words.addAll(List.of("--" + Arguments.PROFILE, profile));
        }
        if (jobs != null && invocation.takesJobs().test(command)) {
            words.addAll(List.of("--jobs", jobs));
        }
        StringBuilder line = new StringBuilder(invocation.program());
        words.forEach(word -> line.append(' ').append(quote(word)));
        return line.toString();
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
