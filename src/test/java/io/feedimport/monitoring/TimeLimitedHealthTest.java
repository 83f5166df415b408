package io.feedimport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TimeLimitedHealthTest {

    @Test
    void aCheckThatHangsIsDownOnceTheLimitIsOverAndIsNotStartedAgainWhileItHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (TimeLimitedHealth health = new TimeLimitedHealth("database", () -> {
            started.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        }, Duration.ofMillis(200))) {
            long begin = System.nanoTime();
            Health first = health.health();
            Health second = health.health();

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsEntry("reason", "database: no answer within 200 ms");
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
            assertThat(started).hasValue(1);

            release.countDown();
            Thread.sleep(100);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aFailureIsDownWithTheFirstLineOfItsReasonAndNoStackTrace() throws Exception {
        try (TimeLimitedHealth throwing = new TimeLimitedHealth("redis://127.0.0.1:1", () -> {
            throw new IllegalStateException("Connection refused\n\tat some.Class.method(Class.java:1)");
        }, Duration.ofSeconds(1));
             TimeLimitedHealth bootStyle = new TimeLimitedHealth("database", () -> Health.down(
                     new IllegalStateException("FATAL: database \"x\" does not exist\n  Detail: ...")).build(),
                     Duration.ofSeconds(1))) {

            assertThat(throwing.health().getDetails())
                    .containsExactly(java.util.Map.entry("reason", "redis://127.0.0.1:1: Connection refused"));
            assertThat(bootStyle.health().getDetails()).containsExactly(java.util.Map.entry("reason",
                    "java.lang.IllegalStateException: FATAL: database \"x\" does not exist"));
        }
    }
}
