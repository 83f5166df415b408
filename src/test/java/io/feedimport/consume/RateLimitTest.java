package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.feedimport.publish.RecordMessage;
import org.junit.jupiter.api.Test;

/** The rate limit as consumers see it: per record, evenly spread, without a burst after idling. */
class RateLimitTest {

    @Test
    void permitsArePacedAtTheRateFromTheFirstOn() throws InterruptedException {
        LocalRateLimit limit = new LocalRateLimit(50);
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            limit.acquire(1);
        }
        // the 50th permit is due 49/50 s after the first
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 1_300L);
    }

    @Test
    void idleTimeEarnsNoBurst() throws InterruptedException {
        LocalRateLimit limit = new LocalRateLimit(50);
        limit.acquire(1);
        Thread.sleep(1_000);

        long start = System.nanoTime();
        for (int i = 0; i < 26; i++) {
            limit.acquire(1);
        }
        // a limiter that saved up the idle second would hand these out at once
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(450L);
    }

    @Test
    void aBatchIsChargedPerRecordAndStoredInSlicesAsThePermitsArrive() {
        List<Long> stored = new ArrayList<>();
        List<Integer> slices = new ArrayList<>();
        RecordConsumer consumer = batch -> {
            slices.add(batch.size());
            batch.forEach(message -> stored.add(System.nanoTime()));
            return batch.stream().map(message -> Outcome.ack()).toList();
        };
        RateLimitedConsumer limited = new RateLimitedConsumer(consumer, new LocalRateLimit(40), 40);
        List<RecordMessage> batch = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            batch.add(new RecordMessage(1, "flats", i, 1, "F-" + i, java.util.Map.of("code", "F-" + i)));
        }

        long start = System.nanoTime();
        List<Outcome> outcomes = limited.consume(batch);
        double seconds = (stored.get(stored.size() - 1) - start) / 1e9;

        assertThat(outcomes).hasSize(80).containsOnly(Outcome.ack());
        assertThat(slices).as("a tenth of a second's worth at a time").containsOnly(4).hasSize(20);
        // 80 records at 40/s: the last slice is due 76/40 s after the first
        System.out.printf(Locale.ROOT, "RateLimitTest: 80 records of one batch stored over %.2f s at 40/s%n", seconds);
        assertThat(seconds).isBetween(1.8, 2.3);
    }
}
