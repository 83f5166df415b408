package io.feedimport.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.feedimport.report.ProgressSample;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.Withdrawals;
import org.springframework.jdbc.core.JdbcTemplate;
import io.feedimport.support.Where;

/** The list of runs with their last known counts, so `feedimport runs` answers without replaying anything. */
public final class RunLedger {

    private static final String COLUMNS = "run_id, feed, file, status, read_count, skipped, published, rejected, persisted,"
            + " unchanged, outdated, unchanged_at_source, parked, duration_ms, started_at, message, snapshot, withdrawals,"
            + " withdrawn, withdrawals_kept, withdrawals_parked";

    private final JdbcTemplate jdbc;

    public RunLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a run as started by this process; a resumed run keeps its row and first start time. */
    public void started(long runId, String feed, String file, String fingerprint, String owner, OffsetDateTime startedAt) {
        int updated = jdbc.update("UPDATE fi_run SET status = ?, owner = ?, message = NULL WHERE run_id = ?",
                RunStatus.STARTED.name(), owner, runId);
        if (updated == 0) {
            jdbc.update("INSERT INTO fi_run (run_id, feed, file, fingerprint, status, read_count, skipped, published,"
                            + " persisted, unchanged, outdated, parked, started_at, duration_ms, owner)"
                            + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?, 0, ?)",
                    runId, feed, file, fingerprint, RunStatus.STARTED.name(), startedAt, owner);
        }
        // the chart's first point: where this attempt starts, which is further than zero for a resumed run
        jdbc.update("INSERT INTO fi_progress (run_id, sampled_at, read_count, skipped) SELECT run_id, ?, read_count, skipped"
                + " FROM fi_run WHERE run_id = ?", OffsetDateTime.now(ZoneOffset.UTC), runId);
    }

    public void finished(RunSummary summary, OffsetDateTime endedAt) {
        jdbc.update("UPDATE fi_run SET status = ?, read_count = ?, skipped = ?, published = ?, rejected = ?, persisted = ?,"
                        + " unchanged = ?, outdated = ?, parked = ?, ended_at = ?, duration_ms = ?, message = ?, withdrawn = ?,"
                        + " withdrawals_kept = ?, withdrawals_parked = ? WHERE run_id = ?",
                summary.status().name(), summary.read(), summary.skipped(), summary.published(), summary.rejected(),
                summary.persisted(), summary.unchanged(), summary.outdated(), summary.parked(), endedAt, summary.durationMs(),
                summary.message(), summary.withdrawals().withdrawn(), summary.withdrawals().kept(),
                summary.withdrawals().parked(), summary.runId());
        // the chart's last point, however little time passed since the last sampled chunk
        jdbc.update("INSERT INTO fi_progress (run_id, sampled_at, read_count, skipped) VALUES (?, ?, ?, ?)",
                summary.runId(), endedAt, summary.read(), summary.skipped());
    }

    /** Brings a finished run's counts up to date, after a replay of its parked records; its status stays. */
    public void recount(RunSummary summary) {
        jdbc.update("UPDATE fi_run SET read_count = ?, skipped = ?, published = ?, rejected = ?, persisted = ?, unchanged = ?,"
                        + " outdated = ?, parked = ?, withdrawn = ?, withdrawals_kept = ?, withdrawals_parked = ? WHERE run_id = ?",
                summary.read(), summary.skipped(), summary.published(), summary.rejected(), summary.persisted(),
                summary.unchanged(), summary.outdated(), summary.parked(), summary.withdrawals().withdrawn(),
                summary.withdrawals().kept(), summary.withdrawals().parked(), summary.runId());
    }

    /**
     * Records how far a run got, and with {@code sample} also as a point of its progress over time; called in the
     * chunk's transaction, so both move with the committed position and a rolled-back chunk leaves no point ahead.
     *
     * @param unchangedAtSource valid records read so far that were not sent, being unchanged since the last import
     */
    public void progress(long runId, long read, long skipped, long unchangedAtSource, boolean sample) {
        jdbc.update("UPDATE fi_run SET read_count = ?, skipped = ?, published = ?, unchanged_at_source = ? WHERE run_id = ?",
                read, skipped, read - skipped - unchangedAtSource, unchangedAtSource, runId);
        if (sample) {
            jdbc.update("INSERT INTO fi_progress (run_id, sampled_at, read_count, skipped) VALUES (?, ?, ?, ?)",
                    runId, OffsetDateTime.now(ZoneOffset.UTC), read, skipped);
        }
    }

    /** The points of a run's progress, oldest first. */
    public List<ProgressSample> samples(long runId) {
        return jdbc.query("SELECT sampled_at, read_count, skipped FROM fi_progress WHERE run_id = ? ORDER BY sampled_at",
                (rs, n) -> new ProgressSample(rs.getObject(1, OffsetDateTime.class), rs.getLong(2), rs.getLong(3)), runId);
    }

    public void markFailed(long runId, String message) {
        jdbc.update("UPDATE fi_run SET status = ?, message = ? WHERE run_id = ?", RunStatus.FAILED.name(), message, runId);
    }

    public Optional<RunSummary> find(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM fi_run WHERE run_id = ?", (rs, n) -> summary(rs), runId)
                .stream().findFirst();
    }

    /** The process recorded as running the run, as host/pid. */
    /** When the run's per-record details (outcomes, skip report, progress) were pruned, if they were. */
    public Optional<OffsetDateTime> prunedAt(long runId) {
        return jdbc.query("SELECT pruned_at FROM fi_run WHERE run_id = ?", (rs, n) -> rs.getObject(1, OffsetDateTime.class), runId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public String owner(long runId) {
        return jdbc.query("SELECT owner FROM fi_run WHERE run_id = ?", rs -> rs.next() ? rs.getString(1) : null, runId);
    }

    /**
     * Runs, newest first: of one feed (every feed when null), older than run {@code before} (from the newest when null).
     * Paging by run id rather than by offset keeps a page stable while new runs start.
     */
    public List<RunSummary> recent(String feed, Long before, int limit) {
        Where where = new Where().and("feed = ?", feed).and("run_id < ?", before);
        return jdbc.query("SELECT " + COLUMNS + " FROM fi_run" + where.sql() + " ORDER BY run_id DESC FETCH FIRST " + limit
                + " ROWS ONLY", (rs, n) -> summary(rs), where.args());
    }

    /** The feeds that have runs, by name. */
    public List<String> feeds() {
        return jdbc.queryForList("SELECT DISTINCT feed FROM fi_run ORDER BY feed", String.class);
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getLong("run_id"), rs.getString("feed"), rs.getString("file"),
                RunStatus.valueOf(rs.getString("status")), rs.getLong("read_count"), rs.getLong("skipped"),
                rs.getLong("published"), rs.getLong("rejected"), rs.getLong("persisted"), rs.getLong("unchanged"),
                rs.getLong("outdated"), rs.getLong("unchanged_at_source"), rs.getLong("parked"),
                rs.getLong("duration_ms"), rs.getObject("started_at", OffsetDateTime.class), rs.getString("message"),
                withdrawals(rs));
    }

    private static Withdrawals withdrawals(ResultSet rs) throws SQLException {
        String state = rs.getString("snapshot");
        return state == null ? Withdrawals.NONE : new Withdrawals(Withdrawals.State.valueOf(state), rs.getLong("withdrawals"),
                rs.getLong("withdrawn"), rs.getLong("withdrawals_kept"), rs.getLong("withdrawals_parked"));
    }
}
