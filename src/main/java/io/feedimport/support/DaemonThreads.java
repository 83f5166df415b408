package io.feedimport.support;

import java.util.concurrent.ThreadFactory;

/** Background threads that never keep the JVM alive: a command ends when its work ends, whatever still waits. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads with this name, so a thread dump says whose they are. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
