package io.feedimport.monitoring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.feedimport.support.DaemonThreads;
import io.feedimport.support.Messages;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Gives a health check a deadline and a one-line answer: a dependency that hangs (a firewall dropping packets, a
 * database waiting for its pool) shows DOWN after {@code limit} instead of holding the health endpoint, and a failure
 * shows as its first line, never a stack trace. A check still running from an earlier call is waited for rather than
 * started again, so a hung dependency costs one thread, not one per call.
 */
public final class TimeLimitedHealth implements HealthIndicator, AutoCloseable {

    static final String REASON = "reason";

    private final String what;
    private final HealthIndicator check;
    private final Duration limit;
    private final ExecutorService executor;
    private Future<Health> running;

    /** @param what the dependency, as the reason names it ("database", "redis://127.0.0.1:6379") */
    public TimeLimitedHealth(String what, HealthIndicator check, Duration limit) {
        this.what = what;
        this.check = check;
        this.limit = limit;
        this.executor = Executors.newSingleThreadExecutor(DaemonThreads.named("feedimport-health-" + what));
    }

    @Override
    public Health health() {
        Future<Health> answer = start();
        try {
            return oneLine(answer.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Health.down().withDetail(REASON, what + ": no answer within " + limit.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail(REASON, what + ": " + Messages.firstLine(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail(REASON, "interrupted while checking " + what).build();
        }
    }

    private synchronized Future<Health> start() {
        if (running == null || running.isDone()) {
            running = executor.submit((Callable<Health>) check::health);
        }
        return running;
    }

    /** Boot's indicators put a failure's whole message under "error"; only its first line is kept, as the reason. */
    private Health oneLine(Health health) {
        if (Status.UP.equals(health.getStatus())) {
            return health;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        health.getDetails().forEach((name, value) -> {
            if (value instanceof String text) {
                details.put("error".equals(name) ? REASON : name, Messages.firstLine(text));
            } else {
                details.put(name, value);
            }
        });
        return Health.status(health.getStatus()).withDetails(details).build();
    }

    /** Stops the checking thread, and closes the check when it holds something (a client of its own). */
    @Override
    public void close() throws Exception {
        executor.shutdownNow();
        if (check instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
