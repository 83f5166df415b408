package io.feedimport.schedule;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.feedimport.run.RunRetention;

/** Keeps what the daemon and housekeeping report, for a test to read; the CLI's printing of it is tested in cli/. */
final class RecordedEvents implements ScheduleEvents {

    /** A prune that removed something, and its cut-off. */
    record Prune(RunRetention.Pruned pruned, Instant before) {
    }

    /** Each pick-up's news as {@code feed: news}. */
    final List<String> pickups = new CopyOnWriteArrayList<>();
    final List<Prune> prunes = new CopyOnWriteArrayList<>();
    final List<Throwable> pruneFailures = new CopyOnWriteArrayList<>();

    @Override
    public void pickup(String feed, String news) {
        pickups.add(feed + ": " + news);
    }

    @Override
    public void pruned(RunRetention.Pruned pruned, Instant before) {
        prunes.add(new Prune(pruned, before));
    }

    @Override
    public void pruneFailed(Throwable reason) {
        pruneFailures.add(reason);
    }
}
