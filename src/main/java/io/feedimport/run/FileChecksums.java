package io.feedimport.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SHA-256 of a file given to {@code run --file}, read once per version of the file ({@code fi_file_sha}):
 * resuming a run killed in a 1 GB export would otherwise read the whole file before its first new record, to learn
 * which run it is. A version is the file's device and inode on this host, its size, and its modification and
 * status-change times to the nanosecond. Any write moves the status-change time, which no user can set back; a copy,
 * even of the same bytes, is another inode and is read again. A version is remembered only when the file stood still
 * while it was read and for a while before, since a file changed twice within one tick of the clock keeps its times.
 * Where the file system does not tell inodes and status-change times (not a Unix one), every file is read.
 */
final class FileChecksums {

    /** How long a file must have stood still before its checksum is kept: well over a file system's clock tick. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String host;
    private final Function<Path, String> sha256;

    FileChecksums(JdbcTemplate jdbc, Clock clock, String host) {
        this(jdbc, clock, host, FileFingerprint::of);
    }

    /** @param sha256 reads a whole file to its checksum */
    FileChecksums(JdbcTemplate jdbc, Clock clock, String host, Function<Path, String> sha256) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.host = host;
        this.sha256 = sha256;
    }

    /** The SHA-256 of the file's bytes in lower-case hex. */
    String of(Path file) {
        return of(file, null);
    }

    /**
     * As {@link #of(Path)}, taking the checksum {@code early} read while the engine started when the file is still the
     * version it read (and stopping it when the checksum is remembered).
     *
     * @param early null when none was started
     */
    String of(Path file, EarlyChecksum early) {
        Optional<Version> now = Version.of(host, file);
        if (now.isPresent()) {
            Version version = now.get();
            List<String> known = jdbc.queryForList("SELECT checksum FROM fi_file_sha WHERE file_id = ? AND size = ?"
                    + " AND modified_ns = ? AND changed_ns = ?", String.class, version.id(), version.size(),
                    version.modifiedNanos(), version.changedNanos());
            if (!known.isEmpty()) {
                if (early != null) {
                    early.stop();
                }
                return known.get(0);
            }
        }
        if (early != null && (now.isEmpty() || !now.equals(early.versionAtStart()))) {
            // written since the early reading began, or its versions cannot be told: that reading is of no use
            early.stop();
            early = null;
        }
        EarlyChecksum.Reading reading = early == null ? null : early.await();
        if (reading == null || !reading.stoodStill()) {
            reading = EarlyChecksum.Reading.of(file, host, clock, sha256);
        }
        if (reading.stoodStill() && settled(reading.before().get(), reading.startedNanos())) {
            remember(reading.before().get(), reading.checksum());
        }
        return reading.checksum();
    }

    /** Whether the file had stood still for a while when its reading began: a change after would show in its times. */
    private static boolean settled(Version version, long readAtNanos) {
        return readAtNanos - Math.max(version.changedNanos(), version.modifiedNanos()) >= SETTLED.toNanos();
    }

    private void remember(Version version, String checksum) {
        jdbc.update("DELETE FROM fi_file_sha WHERE file_id = ?", version.id());
        try {
            jdbc.update("INSERT INTO fi_file_sha (file_id, size, modified_ns, changed_ns, checksum, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", version.id(), version.size(), version.modifiedNanos(),
                    version.changedNanos(), checksum, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            // another command hashed the same file at the same moment: its row says the same
        }
    }

    /** What tells one version of a file from another, as far as this host's file system says it. */
    record Version(String id, long size, long modifiedNanos, long changedNanos) {

        static Optional<Version> of(String host, Path file) {
            Map<String, Object> attributes;
            try {
                attributes = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
                return Optional.empty();
            }
            String id = FileFingerprint.ofText(host + '\u0000' + file.toAbsolutePath().normalize() + '\u0000'
                    + attributes.get("dev") + ':' + attributes.get("ino"));
            return Optional.of(new Version(id, (Long) attributes.get("size"), nanos(attributes.get("lastModifiedTime")),
                    nanos(attributes.get("ctime"))));
        }

        private static long nanos(Object time) {
            return ((FileTime) time).to(TimeUnit.NANOSECONDS);
        }
    }
}
