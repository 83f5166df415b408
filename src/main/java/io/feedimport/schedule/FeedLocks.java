package io.feedimport.schedule;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock per feed in the shared database, so a feed's pick-up and import never run twice at once, even from two
 * daemons on two machines. Locks expire, so a crashed holder blocks only until its ttl runs out; time is always the
 * database's, so machines with skewed clocks agree on who holds what. Each change is one conditional UPDATE or DELETE,
 * or an INSERT that loses on a duplicate key, so it is atomic in autocommit, with no SELECT-then-UPDATE race.
 */
public final class FeedLocks {

    private final JdbcTemplate jdbc;

    public FeedLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the feed's lock for holder until the database's now + ttl, when it is free, expired, or already this holder's (then it is extended). */
    public boolean tryAcquire(String feed, String holder, Duration ttl) {
        OffsetDateTime now = databaseNow();
        OffsetDateTime expires = now.plus(ttl);
        // SET reads the row as it was, so an extension keeps its acquired_at and a takeover starts afresh
        int taken = jdbc.update("UPDATE fi_lock SET acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE ? END,"
                        + " holder = ?, expires_at = ? WHERE feed = ? AND (expires_at <= ? OR holder = ?)",
                holder, now, holder, expires, feed, now, holder);
        if (taken == 1) {
            return true;
        }
        try {
            jdbc.update("INSERT INTO fi_lock (feed, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)",
                    feed, holder, now, expires);
            return true;
        } catch (DuplicateKeyException e) {
            // the row exists, unexpired and someone else's, or a concurrent acquirer inserted it first
            return false;
        }
    }

    /** Extends a lock this holder still holds; false when it expired and someone else took it (or it is gone). */
    public boolean renew(String feed, String holder, Duration ttl) {
        // a lapsed lock nobody took is still this holder's row, so renewing it cannot break exclusivity
        return jdbc.update("UPDATE fi_lock SET expires_at = ? WHERE feed = ? AND holder = ?",
                databaseNow().plus(ttl), feed, holder) == 1;
    }

    /** Releases the lock if this holder holds it; no-op otherwise. */
    public void release(String feed, String holder) {
        jdbc.update("DELETE FROM fi_lock WHERE feed = ? AND holder = ?", feed, holder);
    }

    /** The current, unexpired holder of the feed's lock, if any (for messages such as "already being picked up by host/123"). */
    public Optional<LockHolder> holder(String feed) {
        return jdbc.query("SELECT holder, acquired_at, expires_at FROM fi_lock WHERE feed = ? AND expires_at > ?",
                (rs, n) -> new LockHolder(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()), feed, databaseNow()).stream().findFirst();
    }

    private OffsetDateTime databaseNow() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
    }
}
