package io.feedimport.run;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs an import: host, pid and the process's start time, and the job execution it registered for.
 * A run left marked as started by a process that no longer exists on this host was killed, and may be resumed; one
 * owned by a live process or by another host may not. The start time tells a reused pid from the original process.
 */
record RunOwner(String host, long pid, long startedMillis, long executionId) {

    static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(hostName(), self.pid(), startedMillis(self), 0);
    }

    RunOwner of(long jobExecutionId) {
        return new RunOwner(host, pid, startedMillis, jobExecutionId);
    }

    /** Not $HOSTNAME: not every shell or scheduler exports it, and the name must not change between two commands. */
    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static long startedMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    static Optional<RunOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            int slash = text.lastIndexOf('/');
            int at = text.lastIndexOf('@');
            int hash = text.lastIndexOf('#');
            return Optional.of(new RunOwner(text.substring(0, slash), Long.parseLong(text.substring(slash + 1, at)),
                    Long.parseLong(text.substring(at + 1, hash)), Long.parseLong(text.substring(hash + 1))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean isGoneFrom(RunOwner here) {
        if (!host.equals(here.host)) {
            return false;
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> startedMillis != 0 && startedMillis(process) != startedMillis)
                .orElse(true);
    }

    @Override
    public String toString() {
        return host + "/" + pid + "@" + startedMillis + "#" + executionId;
    }
}
