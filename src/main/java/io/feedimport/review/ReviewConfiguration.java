package io.feedimport.review;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.feedimport.feed.Feeds;
import io.feedimport.transport.ParkedReplay;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.schedule.PickupLog;
import io.feedimport.run.HeldRuns;
import io.feedimport.withdraw.WithdrawalLedger;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the review page and its API, only when the process serves the web ({@code serve}, {@code daemon --port}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class ReviewConfiguration {

    @Bean
    RunReview runReview(RunLedger runs, SkipReportStore skips, JdbcParkingLot parked, PickupLog pickups,
                        ObjectProvider<Feeds> feeds) {
        return new RunReview(runs, skips, parked, pickups, feeds.getIfAvailable(() -> Feeds.NONE));
    }

    @Bean
    ParkedReplays parkedReplays(RunLedger runs, JdbcParkingLot parked, ParkedReplay replay, ObjectProvider<Feeds> feeds,
                                WebProperties properties) {
        return new ParkedReplays(runs, parked, replay, feeds.getIfAvailable(() -> Feeds.NONE), properties.replayWait());
    }

    @Bean
    HeldDecisions heldDecisions(HeldRuns held, ObjectProvider<Feeds> feeds) {
        return new HeldDecisions(held, feeds.getIfAvailable(() -> Feeds.NONE));
    }

    @Bean
    ReviewPages reviewPages(RunReview review, ParkedReplays replays, HeldDecisions held, WithdrawalLedger withdrawals) {
        return new ReviewPages(review, replays, held, withdrawals);
    }

    @Bean
    ReviewApi reviewApi(RunReview review, ParkedReplays replays) {
        return new ReviewApi(review, replays);
    }

    /** Guards everything served, the actuator endpoints too; refuses to start exposed beyond loopback without a token. */
    @Bean
    FilterRegistrationBean<AccessGuard> accessGuard(WebProperties properties,
                                                     @Value("${server.address:127.0.0.1}") String address) {
        if (properties.token() == null && !loopback(address)) {
            throw new IllegalStateException("the review page would be served on " + address + ", beyond this machine, to"
                    + " anyone: set FEEDIMPORT_WEB_TOKEN to a secret, or bind it to 127.0.0.1");
        }
        FilterRegistrationBean<AccessGuard> registration = new FilterRegistrationBean<>(new AccessGuard(properties.token()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Before the guard, so its refusals carry the headers too; on error dispatches, so error pages do. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot serve on " + address + ": no such address on this machine", e);
        }
    }
}
