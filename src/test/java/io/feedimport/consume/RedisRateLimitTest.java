package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.feedimport.reference.LookupCaches;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** The shared rate limit fails closed: without Redis, records wait for it instead of passing unlimited. */
class RedisRateLimitTest {

    @Test
    void withoutRedisRecordsWaitAndAStoppingWorkerIsNotHeldByTheWait() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there once closed: a Redis that is down
        }
        RedissonClient redisson = Redisson.create(LookupCaches.redissonConfig("127.0.0.1", port));
        try {
            RedisRateLimit limit = new RedisRateLimit(redisson, "flats", 60);
            AtomicReference<Thread> worker = new AtomicReference<>();
            CompletableFuture<Throwable> acquired = CompletableFuture.supplyAsync(() -> {
                worker.set(Thread.currentThread());
                try {
                    limit.acquire(1);
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });

            Thread.sleep(3_000);
            assertThat(acquired).as("no permit without Redis").isNotDone();

            worker.get().interrupt();
            assertThat(acquired.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        } finally {
            redisson.shutdown();
        }
    }
}
