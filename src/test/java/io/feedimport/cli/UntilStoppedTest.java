package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class UntilStoppedTest {

    final List<Thread> hooks = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final UntilStopped untilStopped = new UntilStopped(hooks::add);

    @Test
    void aCommandWaitsUntilTheSignalThenItsEngineIsClosedByTheShutdownHookAndTheCommandEnds() throws Exception {
        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> untilStopped.await("daemon",
                () -> closed.add(Thread.currentThread().getName())));
        waitForHook();

        assertThat(command).as("still running before any signal").isNotDone();
        assertThat(closed).isEmpty();

        Thread hook = hooks.get(0);
        hook.start(); // what the JVM does on SIGTERM or Ctrl-C
        hook.join(Duration.ofSeconds(5).toMillis());

        assertThat(closed).as("closed once, by the hook: the JVM halts when its hooks return").containsExactly(
                "feedimport-daemon-shutdown");
        assertThat(command.get(5, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
    }

    @Test
    void aCloseThatFailsStillEndsTheCommand() throws Exception {
        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> untilStopped.await("worker", () -> {
            throw new IllegalStateException("broker gone");
        }));
        waitForHook();
        Thread hook = hooks.get(0);
        hook.setUncaughtExceptionHandler((thread, e) -> closed.add(e.getMessage()));

        hook.start();
        hook.join(Duration.ofSeconds(5).toMillis());

        assertThat(command.get(5, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        assertThat(closed).containsExactly("feedimport worker: stopping failed: broker gone");
    }

    private void waitForHook() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (hooks.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no shutdown hook registered");
            }
            Thread.sleep(10);
        }
        Thread.sleep(100); // and the command blocked on it
    }
}
