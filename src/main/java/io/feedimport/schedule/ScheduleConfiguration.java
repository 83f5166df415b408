package io.feedimport.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.feedimport.feed.Feeds;
import io.feedimport.run.EngineProperties;
import io.feedimport.run.RunRetention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import io.feedimport.source.Poller;
import io.feedimport.schedule.FeedLocks;
import io.feedimport.schedule.PickupLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires pick-ups: the feed locks and the pick-up log in the shared database, and this process's name as holder. In a
 * daemon's process ({@value #DAEMON} set, as the {@code daemon} command does) also the daemon and its housekeeping,
 * which start and stop with the context.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    /** The switch that makes this process a daemon: it picks up the feeds it was started with, with a source. */
    public static final String DAEMON = "feedimport.daemon.enabled";

    @Bean
    FeedLocks feedLocks(JdbcTemplate jdbc) {
        return new FeedLocks(jdbc);
    }

    @Bean
    PickupLog pickupLog(JdbcTemplate jdbc) {
        return new PickupLog(jdbc);
    }

    @Bean(destroyMethod = "close")
    FeedPickup feedPickup(Poller poller, FeedLocks locks, PickupLog log,
                          @Value("${feedimport.lock-ttl:2m}") Duration lockTtl) {
        return new FeedPickup(poller, locks, log, holder(), Clock.systemUTC(), lockTtl);
    }

    @Bean
    @ConditionalOnProperty(name = DAEMON, havingValue = "true")
    FeedDaemon feedDaemon(FeedPickup pickup, PickupLog log, Feeds feeds, ObjectProvider<ScheduleEvents> events) {
        return new FeedDaemon(pickup, log, Clock.systemUTC(), events.getIfAvailable(() -> ScheduleEvents.NONE),
                feeds.all().stream().filter(feed -> feed.pickup() != null).toList());
    }

    /** A daemon runs for weeks: it keeps the engine's tables from growing with every run, unless told to keep for ever. */
    @Bean
    @ConditionalOnProperty(name = DAEMON, havingValue = "true")
    Housekeeping housekeeping(RunRetention retention, EngineProperties engine, ObjectProvider<ScheduleEvents> events) {
        return new Housekeeping(retention, Duration.ofDays(engine.retentionDays()), Housekeeping.Rhythm.DAILY,
                Clock.systemUTC(), events.getIfAvailable(() -> ScheduleEvents.NONE));
    }

    /** host/pid/random: unique per process, and readable in "already being picked up by ..." messages. */
    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
