package io.feedimport.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where a feed's files arrive and how they are picked up: the drop folder (local or FTP), which file names belong to
 * the feed, when a file counts as complete, what happens to it after the import and how often the folder is polled.
 *
 * @param pattern      glob on the file name, never a path
 * @param marker       with {@link Readiness#MARKER}, the suffix of the file whose arrival says NAME is complete
 *                     (NAME + marker); null with {@link Readiness#STABLE}
 * @param ignore       globs of names never picked up, such as partial uploads and dot-files
 * @param archiveDir   where imported files go with {@link After#ARCHIVE}: relative to the drop folder, or absolute
 * @param failedDir    where files that failed to import go: relative to the drop folder, or absolute
 * @param readyTimeout how long a file may wait for readiness before it is reported
 * @param stableAfter  with {@link Readiness#STABLE}, how old a file's modification time must be for the file to be
 *                     complete at the first poll that sees it; null: only two polls decide (and with markers)
 */
public record SourceDefinition(Location location, String pattern, Readiness ready, String marker, List<String> ignore,
                               After after, String archiveDir, String failedDir, Duration pollEvery, Duration readyTimeout,
                               Duration stableAfter) {

    public static final List<String> DEFAULT_IGNORE = List.of("*.tmp", "*.part", "*.filepart", ".*");
    public static final Duration DEFAULT_STABLE_AFTER = Duration.ofMinutes(5);

    public SourceDefinition {
        ignore = List.copyOf(ignore);
    }

    /** A source without a quiet period: a stable file is complete only once two polls saw it unchanged. */
    public SourceDefinition(Location location, String pattern, Readiness ready, String marker, List<String> ignore,
                            After after, String archiveDir, String failedDir, Duration pollEvery, Duration readyTimeout) {
        this(location, pattern, ready, marker, ignore, after, archiveDir, failedDir, pollEvery, readyTimeout, null);
    }

    /**
     * When a file is complete: its size and modification time unchanged over two polls or older than stableAfter,
     * or its marker file present.
     */
    public enum Readiness { STABLE, MARKER }

    /** What happens to a file once it is imported. */
    public enum After { ARCHIVE, DELETE, KEEP }

    /** The drop folder. */
    public sealed interface Location permits Local, Ftp {
    }

    /** A folder on this machine (or a mounted share); {@code dir} is absolute and normalized. */
    public record Local(Path dir) implements Location {
    }

    /**
     * A folder on an FTP server. It holds the name of the environment variable with the password, never the password,
     * so it can be printed and logged as it is.
     *
     * @param passwordEnv the environment variable holding the password, or null to log in without one
     * @param secure      explicit FTPS (AUTH TLS) instead of plain FTP
     */
    public record Ftp(String host, int port, String user, String passwordEnv, String dir, boolean secure, boolean passive)
            implements Location {
    }

    /**
     * Whether a file name matches pattern and none of the ignore globs. Globs: '*' any run of characters, '?' one
     * character, case-sensitive, whole name. With {@link Readiness#MARKER} the marker files themselves are never
     * accepted, even when the pattern matches them (pattern "*").
     */
    public boolean accepts(String fileName) {
        if (fileName == null || !matches(pattern, fileName)) {
            return false;
        }
        if (ready == Readiness.MARKER && fileName.endsWith(marker)) {
            return false;
        }
        return ignore.stream().noneMatch(glob -> matches(glob, fileName));
    }

    /** Greedy wildcard match with backtracking to the last '*': linear in practice, and no regular expression to escape. */
    static boolean matches(String glob, String name) {
        int g = 0;
        int n = 0;
        int star = -1;
        int starMatch = 0;
        while (n < name.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                starMatch = n;
            } else if (star >= 0) {
                g = star + 1;
                n = ++starMatch;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
