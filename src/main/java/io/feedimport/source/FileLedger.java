package io.feedimport.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every file a feed's drop folder has shown, in the database the runs live in, so what was seen survives a restart
 * and is shared by every process polling the feed: which versions are still changing, which were imported (with
 * their content checksum and run), failed or found to repeat an earlier file, and which were tidied up after.
 */
public final class FileLedger {

    private static final String COLUMNS = "file_id, feed, name, size, modified, checksum, state, polls, unchanged_since,"
            + " tidied, run_id,"
            + " reason, first_seen, updated_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** @param clock the time of each poll, which readiness compares */
    public FileLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that a poll saw this name with this size and time, and returns its entry: a new WAITING entry for a
     * name never seen or whose previous version was handled, the same entry one poll older when nothing changed,
     * or the WAITING entry reset to one poll when the file is still changing.
     */
    public FileEntry observe(String feed, String name, long size, Instant modified) {
        Instant time = modified.truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime now = now();
        Optional<FileEntry> latest = latest(feed, name);
        if (latest.isPresent() && latest.get().sameVersion(size, time)) {
            FileEntry entry = latest.get();
            if (entry.state() == FileState.WAITING) {
                jdbc.update("UPDATE fi_file SET polls = polls + 1, updated_at = ? WHERE file_id = ?", now, entry.id());
            }
            return find(entry.id());
        }
        if (latest.isPresent() && latest.get().state() == FileState.WAITING) {
            jdbc.update("UPDATE fi_file SET size = ?, modified = ?, polls = 1, unchanged_since = ?, updated_at = ? WHERE file_id = ?",
                    size, utc(time), now, now, latest.get().id());
            return find(latest.get().id());
        }
        jdbc.update("INSERT INTO fi_file (feed, name, size, modified, state, polls, unchanged_since, tidied, first_seen,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, FALSE, ?, ?)", feed, name, size, utc(time), FileState.WAITING.name(),
                now, now, now);
        return latest(feed, name).orElseThrow();
    }

    /** The entry of this feed's content with this checksum that was imported, if any. */
    public Optional<FileEntry> imported(String feed, String checksum) {
        return jdbc.query("SELECT " + COLUMNS + " FROM fi_file WHERE feed = ? AND checksum = ? AND state = ?"
                        + " ORDER BY file_id FETCH FIRST 1 ROWS ONLY", (rs, n) -> entry(rs), feed, checksum,
                FileState.IMPORTED.name()).stream().findFirst();
    }

    public void importing(long id, String checksum) {
        jdbc.update("UPDATE fi_file SET state = ?, checksum = ?, updated_at = ? WHERE file_id = ?",
                FileState.IMPORTING.name(), checksum, now(), id);
    }

    public void ended(long id, FileState state, Long runId, String reason) {
        jdbc.update("UPDATE fi_file SET state = ?, run_id = ?, reason = ?, updated_at = ? WHERE file_id = ?",
                state.name(), runId, reason, now(), id);
    }

    public void duplicate(long id, String checksum, FileEntry original) {
        jdbc.update("UPDATE fi_file SET state = ?, checksum = ?, run_id = ?, reason = ?, updated_at = ? WHERE file_id = ?",
                FileState.DUPLICATE.name(), checksum, original.runId(), "same content as " + original.name()
                        + " (imported by run " + original.runId() + ")", now(), id);
    }

    /** A note on an entry, such as why it is still waiting, shown by {@code feedimport files}. */
    public void remark(long id, String note) {
        jdbc.update("UPDATE fi_file SET reason = ? WHERE file_id = ?", note, id);
    }

    public void tidied(long id) {
        jdbc.update("UPDATE fi_file SET tidied = TRUE, updated_at = ? WHERE file_id = ?", now(), id);
    }

    public List<FileEntry> recent(String feed, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM fi_file WHERE feed = ? ORDER BY file_id DESC FETCH FIRST " + limit
                + " ROWS ONLY", (rs, n) -> entry(rs), feed);
    }

    private Optional<FileEntry> latest(String feed, String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM fi_file WHERE feed = ? AND name = ? ORDER BY file_id DESC"
                + " FETCH FIRST 1 ROWS ONLY", (rs, n) -> entry(rs), feed, name).stream().findFirst();
    }

    public FileEntry find(long id) {
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM fi_file WHERE file_id = ?", (rs, n) -> entry(rs), id);
    }

    private static FileEntry entry(ResultSet rs) throws SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new FileEntry(rs.getLong("file_id"), rs.getString("feed"), rs.getString("name"), rs.getLong("size"),
                instant(rs, "modified"), rs.getString("checksum"), FileState.valueOf(rs.getString("state")),
                rs.getInt("polls"), instant(rs, "unchanged_since"), rs.getBoolean("tidied"), runId, rs.getString("reason"),
                instant(rs, "first_seen"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
