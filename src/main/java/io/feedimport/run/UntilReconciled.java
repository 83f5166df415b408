package io.feedimport.run;

import java.time.Duration;
import java.util.function.Supplier;

import io.feedimport.report.RunSummary;

/**
 * Waits until a run's counts reconcile, with a deadline of inactivity rather than a total one: while records or
 * withdrawals are being accounted for, workers are busy with the queue and the wait goes on; it ends when nothing
 * was accounted for during {@code inactivity}. The reconcile step waits so, and so does releasing a held run.
 */
final class UntilReconciled {

    private UntilReconciled() {
    }

    /** @return the last summary read: reconciled, or the one that stood still for {@code inactivity} */
    static RunSummary await(Supplier<RunSummary> counts, Duration inactivity) throws InterruptedException {
        long deadline = System.nanoTime() + inactivity.toNanos();
        RunSummary summary = counts.get();
        long accounted = accountedFor(summary);
        while (!summary.reconciles() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            summary = counts.get();
            if (accountedFor(summary) != accounted) {
                accounted = accountedFor(summary);
                deadline = System.nanoTime() + inactivity.toNanos();
            }
        }
        return summary;
    }

    private static long accountedFor(RunSummary summary) {
        return summary.persisted() + summary.unchanged() + summary.parked() + summary.rejected()
                + summary.withdrawals().withdrawn() + summary.withdrawals().kept() + summary.withdrawals().parked();
    }
}
