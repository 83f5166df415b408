package io.feedimport.review;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.report.RunSummary;

/** A run's account as the page draws it: each outcome's share of the records read, and whether they add up. */
record Outcomes(List<Share> shares, long read, long accounted, boolean reconciles) {

    /**
     * One outcome: its name, its count, its share of the records read in percent, and where its segment of the bar
     * starts (the shares before it), so the bar is drawn without inline styles, which the page's CSP forbids.
     */
    record Share(String name, long count, double percent, double offset) {
    }

    static Outcomes of(RunSummary run) {
        long read = run.read();
        List<Share> shares = new ArrayList<>();
        double offset = 0;
        String[] names = {"persisted", "unchanged", "skipped", "parked"};
        long[] counts = {run.persisted(), run.unchanged(), run.skipped(), run.parked()};
        for (int i = 0; i < names.length; i++) {
            double percent = read == 0 ? 0 : 100.0 * counts[i] / read;
            shares.add(new Share(names[i], counts[i], percent, offset));
            offset += percent;
        }
        return new Outcomes(shares, read, run.persisted() + run.unchanged() + run.skipped() + run.parked(), run.reconciles());
    }
}
