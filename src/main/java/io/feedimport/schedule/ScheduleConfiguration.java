package io.feedimport.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.feedimport.source.Poller;
import io.feedimport.schedule.FeedLocks;
import io.feedimport.schedule.PickupLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires pick-ups: the feed locks and the pick-up log in the shared database, and this process's name as holder. */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

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
