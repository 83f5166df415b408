package io.feedimport.withdraw;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.report.Withdrawals;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a snapshot run: lists its withdrawals once, then sends them when the guard lets it, or holds them. Also
 * releases or discards the withdrawals of a held run. A withdrawal travels as a message numbered after the file's
 * last record, so the outcome ledger counts it once however often it is sent, and a run resumed mid-way through
 * sending sends the same list again.
 */
public final class Snapshots {

    private static final int BATCH = 500;

    private final WithdrawalLedger ledger;
    private final SeenKeys seen;
    private final WithdrawalPlanner planner;
    private final TransactionTemplate ownTransaction;
    private final FeedMetrics metrics;

    public Snapshots(WithdrawalLedger ledger, SeenKeys seen, org.springframework.jdbc.core.JdbcTemplate jdbc,
                     PlatformTransactionManager transactions, FeedMetrics metrics) {
        this.ledger = ledger;
        this.seen = seen;
        this.planner = new WithdrawalPlanner(jdbc, seen, ledger);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.metrics = metrics;
    }

    public ReadKeys readKeys(FeedDefinition feed) {
        return feed.snapshot() == null ? ReadKeys.NONE : new ReadKeys(feed, seen);
    }

    /**
     * @param read       the records the run read, all of them committed
     * @param incomplete why the file cannot be the whole truth (broken, cut short, too many invalid records), or null
     * @param publisher  where withdrawals go when the guard passes; unused when it holds them
     */
    public void close(FeedDefinition feed, long runId, long read, String incomplete, RecordPublisher publisher) {
        Withdrawals.State state = ledger.state(runId);
        if (state == null) {
            // in its own transaction, committed before anything is sent: the list, and so the numbering, is final
            ownTransaction.executeWithoutResult(status -> {
                ledger.listed(runId, planner.plan(feed, runId));
                seen.forget(runId);
            });
            state = Withdrawals.State.LISTED;
        }
        if (state != Withdrawals.State.LISTED) {
            return; // decided by an earlier attempt
        }
        String refusal = incomplete != null ? incomplete
                : feed.snapshot().refusal(read, ledger.reference(feed.name(), runId));
        long listed = ledger.find(runId).orElseThrow().listed();
        if (refusal != null && listed > 0) {
            ledger.hold(runId, refusal);
            metrics.watch(feed).held(listed);
            return;
        }
        send(feed, runId, read, publisher);
        metrics.watch(feed).held(0);
        // an incomplete file that withdraws nothing applies nothing, and is no reference for the guard
        ledger.setState(runId, refusal == null ? Withdrawals.State.APPLIED : Withdrawals.State.DISCARDED);
    }

    /** Sends the withdrawals of a held run; refused when a later snapshot run of its feed decided since. */
    public void release(FeedDefinition feed, long runId, RecordPublisher publisher) {
        requireHeld(runId, "release");
        ledger.later(feed.name(), runId).ifPresent(later -> {
            throw new IllegalStateException("run " + runId + " cannot be released: run " + later + " of feed " + feed.name()
                    + " read a later export, whose own snapshot decides what is withdrawn; discard run " + runId
                    + " instead (feedimport discard " + runId + ")");
        });
        send(feed, runId, ledger.readCount(runId), publisher);
        ledger.setState(runId, Withdrawals.State.RELEASED);
        metrics.watch(feed).held(0);
    }

    /** Drops the withdrawals of a held run; its upserts stand. */
    public void discard(long runId) {
        requireHeld(runId, "discard");
        ledger.discard(runId);
        metrics.feed(ledger.feedOf(runId)).held(0);
    }

    /** The feed a run belongs to, or null when there is no such run. */
    public String feedOf(long runId) {
        return ledger.feedOf(runId);
    }

    private void requireHeld(long runId, String action) {
        Withdrawals.State state = ledger.state(runId);
        if (state != Withdrawals.State.HELD) {
            throw new IllegalStateException("run " + runId + " has no held withdrawals to " + action + " ("
                    + (state == null ? "it is not a snapshot run, or not one that got to its end" : "they are " + state) + ")");
        }
    }

    private void send(FeedDefinition feed, long runId, long read, RecordPublisher publisher) {
        long after = 0;
        for (List<Withdrawal> page = ledger.page(runId, after, BATCH); !page.isEmpty(); page = ledger.page(runId, after, BATCH)) {
            List<RecordMessage> messages = new ArrayList<>(page.size());
            for (Withdrawal withdrawal : page) {
                messages.add(new RecordMessage(runId, feed.name(), read + withdrawal.seq(), 0, withdrawal.key(),
                        withdrawal.keyValues(), null, true));
            }
            publisher.publish(messages);
            after = page.get(page.size() - 1).seq();
        }
    }

}
