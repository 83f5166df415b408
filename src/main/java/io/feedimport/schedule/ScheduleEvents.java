package io.feedimport.schedule;

import java.time.Instant;

import io.feedimport.run.RunRetention;

/**
 * What the daemon's pick-ups and housekeeping have to tell whoever watches the process. The CLI prints it; this
 * package only logs.
 */
public interface ScheduleEvents {

    /** Tells nobody: for a process that has no one to tell (the details are in the log either way). */
    ScheduleEvents NONE = new ScheduleEvents() {
        @Override
        public void pickup(String feed, String news) {
        }

        @Override
        public void pruned(RunRetention.Pruned pruned, Instant before) {
        }

        @Override
        public void pruneFailed(Throwable reason) {
        }
    };

    /**
     * Something happened to one feed's pick-ups that its operator should see: a file imported or failed, a folder that
     * cannot be listed, a missed cron time made up for, a scheduled pick-up that found nothing.
     */
    void pickup(String feed, String news);

    /** A prune removed the per-record details of runs completed {@code before}; only said when it removed anything. */
    void pruned(RunRetention.Pruned pruned, Instant before);

    /** A prune failed (the database away) for {@code reason}; the next one is tried in a day. */
    void pruneFailed(Throwable reason);
}
