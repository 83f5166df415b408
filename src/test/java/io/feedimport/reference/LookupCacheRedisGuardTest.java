package io.feedimport.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisTimeoutException;
import org.slf4j.LoggerFactory;

/** How the Redis cache behaves while Redis fails: {@link RedisGuard}, without a Redis. */
class LookupCacheRedisGuardTest {

    private static final Duration DOWN = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger recoveries = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final RedisGuard guard = new RedisGuard(DOWN, Duration.ofSeconds(30), clock, recoveries::incrementAndGet);
    private final Logger logger = (Logger) LoggerFactory.getLogger(RedisGuard.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    private Supplier<String> failing() {
        return () -> {
            attempts.incrementAndGet();
            throw new RedisTimeoutException("Redis server response timeout (500 ms) occured after 0 of 0 retry attempts."
                    + " Check connection with Redis node. command: (EVALSHA), params: [secret-agent-ref]");
        };
    }

    private Supplier<String> answering() {
        return () -> {
            attempts.incrementAndGet();
            return "answer";
        };
    }

    @Test
    void givenAFailureWhenCalledDuringTheDownPeriodThenTheFallbackComesWithoutTryingRedis() {
        assertThat(guard.call(failing(), "fallback")).isEqualTo("fallback");
        clock.advance(DOWN.minusMillis(1));
        assertThat(guard.call(answering(), "fallback")).isEqualTo("fallback");
        assertThat(attempts).hasValue(1);
        assertThat(guard.failures()).isEqualTo(1);
    }

    @Test
    void givenTheDownPeriodIsOverWhenRedisAnswersThenItIsUsedAgainAndRecoveryRunsOnce() {
        guard.call(failing(), "fallback");
        clock.advance(DOWN);
        assertThat(guard.call(answering(), "fallback")).isEqualTo("answer");
        assertThat(guard.call(answering(), "fallback")).isEqualTo("answer");
        assertThat(recoveries).hasValue(1);
    }

    @Test
    void givenTheDownPeriodIsOverWhenRedisStillFailsThenAnotherDownPeriodStarts() {
        guard.call(failing(), "fallback");
        clock.advance(DOWN);
        guard.call(failing(), "fallback");
        clock.advance(DOWN.minusMillis(1));
        guard.call(answering(), "fallback");
        assertThat(attempts).hasValue(2);
        assertThat(recoveries).hasValue(0);
    }

    @Test
    void givenRedisFailingForAMinuteWhenCalledAllTheTimeThenOneWarningPer30SecondsWithoutTheCommandsParameters() {
        for (int second = 0; second < 60; second++) {
            for (int call = 0; call < 100; call++) {
                guard.call(failing(), "fallback");
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(logged.list).hasSize(2).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
        assertThat(logged.list.get(0).getFormattedMessage())
                .isEqualTo("Redis unavailable for reference lookups (RedisTimeoutException: Redis server response timeout"
                        + " (500 ms) occured after 0 of 0 retry attempts.): serving them from the database, trying Redis"
                        + " again in 5000 ms")
                .doesNotContain("secret-agent-ref");
        assertThat(attempts).as("one attempt per down period").hasValue(12);
    }

    @Test
    void givenTheDownPeriodIsOverAndOneCallProbesRedisWhenOthersCallMeanwhileThenTheyGetTheFallbackAtOnce()
            throws Exception {
        guard.call(failing(), "fallback");
        clock.advance(DOWN);
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> probe = CompletableFuture.supplyAsync(() -> guard.call(() -> {
            probing.countDown();
            await(release);
            return "answer";
        }, "fallback"));
        assertThat(probing.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(guard.call(answering(), "fallback")).isEqualTo("fallback");
        release.countDown();
        assertThat(probe.get(5, TimeUnit.SECONDS)).isEqualTo("answer");
        assertThat(guard.call(answering(), "fallback")).isEqualTo("answer");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
