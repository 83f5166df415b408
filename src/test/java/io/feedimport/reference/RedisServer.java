package io.feedimport.reference;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Redis on 127.0.0.1:6379, stopped, paused and started again through its own tools. */
final class RedisServer {

    private RedisServer() {
    }

    static boolean answers() {
        return run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping")).contains("PONG");
    }

    /** Shuts Redis down without saving, so everything it held is gone, as after a crash. */
    static void stop() {
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"));
        waitUntil(false);
    }

    /** Makes Redis answer no client for the given time; commands wait and then time out. */
    static void pause(long millis) {
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "client", "pause", String.valueOf(millis), "ALL"));
    }

    /** Starts Redis again if it is down, the way the test machines do (scripts/services.sh). */
    static void ensureRunning() {
        if (answers()) {
            return;
        }
        File project = new File(System.getProperty("basedir", System.getProperty("user.dir")));
        String output = run(List.of(new File(project, "scripts/services.sh").getPath(), "--only", "redis"), project);
        if (!answers()) {
            throw new IllegalStateException("Redis did not come back: " + output);
        }
    }

    private static void waitUntil(boolean up) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (answers() != up) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Redis still " + (up ? "down" : "up") + " after 20 s");
            }
            sleep(100);
        }
    }

    private static String run(List<String> command) {
        return run(command, null);
    }

    private static String run(List<String> command, File directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 90 s");
            }
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
