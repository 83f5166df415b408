package io.feedimport.transport.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void batchesBeyondTheRateWaitForIt() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(200);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            limiter.acquire(100);
        }
        // 500 records at 200/s, of which one second's worth may pass at once: the last batch waits a second
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(950);
    }

    @Test
    void noLimitNeverWaits() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0);
        long start = System.nanoTime();
        limiter.acquire(1_000_000);
        limiter.acquire(1_000_000);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
    }
}
