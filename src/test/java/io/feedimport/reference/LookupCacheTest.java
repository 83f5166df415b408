package io.feedimport.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The in-process {@link LocalLookupCache}. */
class LookupCacheTest {

    private final MutableClock clock = new MutableClock();
    private final LocalLookupCache cache = new LocalLookupCache(Duration.ofMinutes(10), 3, clock);

    @Test
    void givenAnEntryWhenReadBeforeTheTtlThenServed() {
        cache.put("city.name.id", "paris", 7);
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(cache.get("city.name.id", "paris")).isEqualTo(7L);
    }

    @Test
    void givenAnEntryWhenTheTtlHasPassedThenNotServed() {
        cache.put("city.name.id", "paris", 7);
        clock.advance(Duration.ofMinutes(10));
        assertThat(cache.get("city.name.id", "paris")).isNull();
    }

    @Test
    void givenAnEntryWithAnEarlierExpiryWhenThatExpiryHasPassedThenNotServedThoughTheTtlHasNot() {
        cache.put("city.name.id", "paris", 7, clock.millis() + 1000);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("city.name.id", "paris")).isNull();
    }

    @Test
    void givenAFullLookupWhenOneMoreIsPutThenTheOldestEntryGoes() {
        cache.put("city.name.id", "a", 1);
        cache.put("city.name.id", "b", 2);
        cache.put("city.name.id", "c", 3);
        cache.put("city.name.id", "a", 1); // refreshed: now the youngest
        cache.put("city.name.id", "d", 4);
        assertThat(cache.get("city.name.id", "b")).isNull();
        assertThat(cache.get("city.name.id", "a")).isEqualTo(1L);
        assertThat(cache.get("city.name.id", "d")).isEqualTo(4L);
    }

    @Test
    void givenTwoLookupsWhenOneIsEvictedThenOnlyItsEntriesGo() {
        cache.put("city.name.id", "paris", 7);
        cache.put("agent.external_ref.id", "A-1", 1);
        cache.evict("city.name.id");
        assertThat(cache.get("city.name.id", "paris")).isNull();
        assertThat(cache.get("agent.external_ref.id", "A-1")).isEqualTo(1L);
    }

    @Test
    void givenManyThreadsWhenPuttingAndReadingThenEveryReadSeesAValueThatWasPutOrNothing() throws Exception {
        LocalLookupCache shared = new LocalLookupCache(Duration.ofMinutes(10), 500, clock);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String key = "k" + (i % 1000);
                        shared.put("l", key, i % 1000);
                        Long value = shared.get("l", key);
                        if (value != null && value != i % 1000) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
