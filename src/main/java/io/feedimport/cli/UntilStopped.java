package io.feedimport.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Keeps a long-running command ({@code serve}, {@code worker}, {@code daemon}) running until the process is told to
 * stop (Ctrl-C, SIGTERM, {@code docker stop}), then closes its engine, whose lifecycle beans stop in their declared
 * order (see {@code support/LifecyclePhases}). The command itself only starts the engine and waits here.
 */
final class UntilStopped {

    private final Consumer<Thread> shutdownHooks;

    /** @param shutdownHooks where the thread that runs when the JVM is told to stop is registered */
    UntilStopped(Consumer<Thread> shutdownHooks) {
        this.shutdownHooks = shutdownHooks;
    }

    /** Until the JVM is told to stop by a signal. */
    static UntilStopped bySignal() {
        return new UntilStopped(Runtime.getRuntime()::addShutdownHook);
    }

    /**
     * Blocks until the stop arrives and {@code engine} is closed. It is closed in the shutdown hook itself, not on this
     * thread: the JVM halts as soon as its hooks have returned, and a close begun anywhere else would be cut short.
     *
     * @return the exit code of a command stopped on request
     */
    int await(String command, AutoCloseable engine) {
        CountDownLatch closed = new CountDownLatch(1);
        shutdownHooks.accept(new Thread(() -> {
            try {
                engine.close();
            } catch (Exception e) {
                throw new IllegalStateException("feedimport " + command + ": stopping failed: " + e.getMessage(), e);
            } finally {
                closed.countDown();
            }
        }, "feedimport-" + command + "-shutdown"));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }
}
