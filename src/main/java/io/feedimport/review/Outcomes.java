package io.feedimport.review;

import java.util.List;

import io.feedimport.report.RunSummary;

/** A run's account as the page draws it: each outcome's share of the records read, and whether they add up. */
record Outcomes(List<Share> shares, long read, long accounted, boolean reconciles) {

    /** One outcome: its name, its count and its share of the records read, in percent. */
    record Share(String name, long count, double percent) {
    }

    static Outcomes of(RunSummary run) {
        long read = run.read();
        List<Share> shares = List.of(share("persisted", run.persisted(), read), share("unchanged", run.unchanged(), read),
                share("skipped", run.skipped(), read), share("parked", run.parked(), read));
        return new Outcomes(shares, read, run.persisted() + run.unchanged() + run.skipped() + run.parked(), run.reconciles());
    }

    private static Share share(String name, long count, long read) {
        return new Share(name, count, read == 0 ? 0 : 100.0 * count / read);
    }
}
