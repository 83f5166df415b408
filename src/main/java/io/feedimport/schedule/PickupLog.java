package io.feedimport.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each scheduled or polled pick-up of a feed came to, beside the runs: above all the ones that imported
 * nothing, which leave no run behind. A nightly cron that found no file must be visible the next morning.
 */
public final class PickupLog {

    private final JdbcTemplate jdbc;

    public PickupLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One pick-up: what set it off ({@code cron}, {@code poll}), how it ended and a one-line detail. */
    public record Pickup(String feed, String trigger, Instant startedAt, String outcome, String detail) {
    }

    public void record(Pickup pickup) {
        jdbc.update("INSERT INTO fi_pickup (feed, trigger_kind, started_at, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                pickup.feed(), pickup.trigger(), pickup.startedAt().atOffset(ZoneOffset.UTC), pickup.outcome(),
                pickup.detail());
    }

    /** When the feed's latest cron pick-up started, if it ever had one. */
    public java.util.Optional<Instant> lastScheduled(String feed) {
        return jdbc.query("SELECT MAX(started_at) FROM fi_pickup WHERE feed = ? AND trigger_kind = 'cron'",
                        (rs, n) -> rs.getObject(1, OffsetDateTime.class), feed).stream()
                .filter(java.util.Objects::nonNull).map(OffsetDateTime::toInstant).findFirst();
    }

    /** The latest pick-ups that imported nothing (no file, an error, a file still waiting), newest first. */
    /** Pick-ups that imported nothing, newest first, of one feed or of every feed (null). */
    public List<Pickup> recentWithoutImport(String feed, int limit) {
        return jdbc.query("SELECT feed, trigger_kind, started_at, outcome, detail FROM fi_pickup WHERE outcome <> 'IMPORTED'"
                + (feed == null ? "" : " AND feed = ?") + " ORDER BY pickup_id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> new Pickup(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5)), feed == null ? new Object[0] : new Object[] {feed});
    }
}
