package io.feedimport.cli;

import java.io.PrintStream;
import java.time.Instant;

import io.feedimport.run.RunRetention;
import io.feedimport.schedule.ScheduleEvents;
import io.feedimport.support.Messages;

/** Prints what the daemon's pick-ups and housekeeping report: one line each, on the stream the daemon talks on. */
final class DaemonPrinter implements ScheduleEvents {

    private final PrintStream out;

    DaemonPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void pickup(String feed, String news) {
        out.println("feedimport daemon: " + feed + ": " + Messages.firstLine(news));
    }

    @Override
    public void pruned(RunRetention.Pruned pruned, Instant before) {
        out.println("feedimport: " + PruneCommand.describe(pruned, before));
    }

    @Override
    public void pruneFailed(Throwable reason) {
        out.println("feedimport: pruning old runs failed, trying again in a day: " + Messages.firstLine(reason));
    }
}
