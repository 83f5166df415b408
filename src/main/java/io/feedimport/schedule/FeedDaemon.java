package io.feedimport.schedule;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.source.FileEvent;
import io.feedimport.support.LifecyclePhases;
import io.feedimport.support.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Keeps every feed's pick-ups going in one long-running process: feeds with a {@code schedule} at their cron times,
 * the others every {@code pollEvery}. Each feed has its own tasks, so one feed's unreachable server or failing
 * import never stops the others; a feed whose folder keeps failing is polled less and less often (doubling up to
 * {@link #MAX_BACKOFF_FACTOR} times its pollEvery) and says so in one line per poll. A lifecycle bean of the
 * {@code daemon} command's context: it starts and stops with it, in {@link LifecyclePhases#PICKUPS}.
 */
public final class FeedDaemon implements SmartLifecycle {

    static final int MAX_BACKOFF_FACTOR = 16;
    /** A cron time this long past without its pick-up counts as missed, not as late. */
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(FeedDaemon.class);

    private final FeedPickup pickup;
    private final PickupLog pickups;
    private final Clock clock;
    private final ScheduleEvents events;
    private final List<FeedDefinition> feeds;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** @param feeds the feeds to pick up: each must have a {@code source} */
    public FeedDaemon(FeedPickup pickup, PickupLog log, Clock clock, ScheduleEvents events, List<FeedDefinition> feeds) {
        this.pickup = pickup;
        this.pickups = log;
        this.clock = clock;
        this.events = events;
        this.feeds = List.copyOf(feeds);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        scheduler.setPoolSize(Math.max(1, feeds.size()));
        scheduler.setThreadNamePrefix("feedimport-pickup-");
        // on shutdown a running pick-up finishes (its import commits or resumes later), the next ones are dropped
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        scheduler.setAwaitTerminationSeconds(30);
        scheduler.initialize();
        for (FeedDefinition feed : feeds) {
            if (feed.schedule() != null) {
                catchUp(feed);
                scheduler.schedule(() -> safely(feed, () -> pickup.scheduled(feed)),
                        new CronTrigger(feed.schedule().cron(), feed.schedule().zone()));
            } else {
                scheduler.schedule(() -> safely(feed, () -> pickup.poll(feed)), new BackingOffTrigger(feed));
            }
        }
        running = true;
    }

    /**
     * A cron time that passed while no daemon ran (a restart, a deploy, a crash at 01:59) would leave that night with no
     * trace and no import: it is recorded as MISSED, said once, and made up for by one pick-up now.
     */
    private void catchUp(FeedDefinition feed) {
        Optional<Instant> last = pickups.lastScheduled(feed.name());
        if (last.isEmpty()) {
            return; // a feed never scheduled before has nothing to make up for
        }
        ZonedDateTime due = CronExpression.parse(feed.schedule().cron()).next(last.get().atZone(feed.schedule().zone()));
        Instant now = clock.instant();
        if (due != null && due.toInstant().isBefore(now.minus(MISSED_AFTER))) {
            pickups.record(new PickupLog.Pickup(feed.name(), "cron", due.toInstant(), "MISSED",
                    "no daemon was running at " + due + "; picked up at start instead"));
            line(feed, "missed the scheduled pick-up of " + due.toOffsetDateTime() + " (no daemon was running); picking up now");
            scheduler.schedule(() -> safely(feed, () -> pickup.scheduled(feed)), now);
        }
    }

    /** A pick-up that throws (the database gone) is one line and a backoff, never the end of the feed's schedule. */
    private void safely(FeedDefinition feed, java.util.function.Supplier<PickupResult> pick) {
        PickupResult result;
        try {
            result = pick.get();
        } catch (RuntimeException e) {
            log.error("feed {}: pick-up failed", feed.name(), e);
            result = new PickupResult(feed.name(), "ERROR", List.of(new FileEvent(null, FileEvent.Kind.ERROR, null,
                    "pick-up failed: " + Messages.firstLine(e))), Messages.firstLine(e));
        }
        report(feed, result);
    }

    private void report(FeedDefinition feed, PickupResult result) {
        try {
            failures.compute(feed.name(), (name, count) -> result.troubled() ? (count == null ? 1 : count + 1) : 0);
            for (FileEvent event : result.events()) {
                if (event.kind() != FileEvent.Kind.NOTHING && event.kind() != FileEvent.Kind.WAITING) {
                    line(feed, (event.file() == null ? "" : event.file() + ": ") + event.kind().name().toLowerCase(Locale.ROOT)
                            + (event.runId() == null ? "" : " as run " + event.runId()) + ": " + event.detail()
                            + (result.troubled() ? " (next poll in " + delay(feed).toSeconds() + "s)" : ""));
                }
            }
            // a skipped or empty poll every pollEvery is the normal case: only scheduled pick-ups say so
            if (feed.schedule() != null && (result.outcome().equals("SKIPPED") || result.outcome().equals("NO_FILE"))) {
                line(feed, result.outcome().equals("SKIPPED") ? "skipped: " + result.summary() : "scheduled pick-up found no file");
            }
        } catch (RuntimeException e) {
            log.error("feed {}: reporting a pick-up failed", feed.name(), e);
        }
    }

    private void line(FeedDefinition feed, String text) {
        events.pickup(feed.name(), text);
        log.info("feed {}: {}", feed.name(), text);
    }

    /** pollEvery, doubled for each pick-up in a row whose folder failed, up to {@link #MAX_BACKOFF_FACTOR} times. */
    Duration delay(FeedDefinition feed) {
        int failed = failures.getOrDefault(feed.name(), 0);
        return feed.pickup().pollEvery().multipliedBy(1L << Math.min(failed, Integer.numberOfTrailingZeros(MAX_BACKOFF_FACTOR)));
    }

    /** The first poll at once, each next one a delay after the previous ended, so polls of a feed never overlap. */
    private final class BackingOffTrigger implements Trigger {
        private final FeedDefinition feed;

        BackingOffTrigger(FeedDefinition feed) {
            this.feed = feed;
        }

        @Override
        public Instant nextExecution(TriggerContext context) {
            Instant last = context.lastCompletion();
            return last == null ? Instant.now() : last.plus(delay(feed));
        }
    }

    /** Drops the pick-ups not yet begun; one under way finishes first (its import commits), for up to 30 seconds. */
    @Override
    public synchronized void stop() {
        scheduler.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.PICKUPS;
    }
}
