package io.feedimport.run;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.feedimport.report.RunStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgets what runs kept per record once they are old enough: the outcome of every record, the skip report with the
 * records as read, and the progress samples. A nightly feed of a million records adds a million outcome rows a night;
 * without this the engine's own tables outgrow the data they import.
 *
 * <p>Only runs that completed before the cut-off and have no record parked lose their details: their counts stay in
 * the run list, and the run is marked pruned so its page and report say why the details are gone. A failed run keeps
 * everything, because running its file again resumes it and must account for the records it already handled; a run
 * with parked records keeps everything, because a replay recounts the run from its outcomes. Pick-ups that imported
 * nothing are forgotten after the same time, except each feed's latest of each kind, which says when it was last
 * scheduled. Each delete is idempotent and a run is marked pruned last, so a prune cut short is finished by the next.
 */
public final class RunRetention {

    /** What a prune removed. */
    public record Pruned(int runs, long outcomes, long skipLines, long progressSamples, long pickups) {
    }

    private final JdbcTemplate jdbc;

    public RunRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Prunes the details of every completed run, without parked records, that ended before {@code before}. */
    public Pruned prune(Instant before) {
        OffsetDateTime cutoff = before.atOffset(ZoneOffset.UTC);
        List<Long> runs = jdbc.queryForList("SELECT run_id FROM fi_run r WHERE status = ? AND ended_at < ? AND pruned_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM fi_parked p WHERE p.run_id = r.run_id) ORDER BY run_id", Long.class,
                RunStatus.COMPLETED.name(), cutoff);
        long outcomes = 0;
        long skipLines = 0;
        long samples = 0;
        for (long run : runs) {
            outcomes += jdbc.update("DELETE FROM fi_outcome WHERE run_id = ?", run);
            skipLines += jdbc.update("DELETE FROM fi_skip WHERE run_id = ?", run);
            samples += jdbc.update("DELETE FROM fi_progress WHERE run_id = ?", run);
            // a snapshot run's list of withdrawals, and the keys it read if it ended before listing them
            jdbc.update("DELETE FROM fi_withdrawal WHERE run_id = ?", run);
            jdbc.update("DELETE FROM fi_seen WHERE run_id = ?", run);
            jdbc.update("UPDATE fi_run SET pruned_at = ? WHERE run_id = ?", OffsetDateTime.now(ZoneOffset.UTC), run);
        }
        long pickups = jdbc.update("DELETE FROM fi_pickup p WHERE started_at < ? AND started_at < (SELECT MAX(q.started_at)"
                + " FROM fi_pickup q WHERE q.feed = p.feed AND q.trigger_kind = p.trigger_kind)", cutoff);
        // a file hashed that long ago was imported, or is gone; if not, it is only hashed again
        jdbc.update("DELETE FROM fi_file_sha WHERE recorded_at < ?", cutoff);
        return new Pruned(runs.size(), outcomes, skipLines, samples, pickups);
    }
}
