package io.feedimport.consume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.mapping.MappingException;
import io.feedimport.mapping.RowMapper;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.EntityStore;
import io.feedimport.store.EntityWithdrawals;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.report.Rejections;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps a batch of records to entities and has {@link BatchUpsert} store them in one transaction, recording each
 * outcome in the ledger in that transaction. A redelivered record is upserted again (a no-op when its row is there)
 * but keeps the outcome of its first delivery, so it is counted once; trusting the ledger alone would not do, because
 * an embedded database killed mid-commit has been seen to keep a ledger row whose entity row it lost.
 *
 * <p>A record that can never be stored (a value the mapping or the table refuses) is rejected into the skip report;
 * a record that fails for a reason that may pass (a lock, a serialization conflict) is retried, and its neighbours
 * pass. {@code delivery.timeout} is per record: a lookup that outlives it makes only its record retry. A database
 * out of reach fails the whole batch, unsplit, with {@link DatabaseUnavailableException}: the transport holds it until
 * the database answers, and no attempt is spent. Mapping and upsert are timed once per batch.
 */
public final class EntityConsumer implements RecordConsumer {

    private final RowMapper mapper;
    private final Rejecter rejecter;
    private final BatchUpsert upsert;
    private final TransactionTemplate transaction;
    private final FeedMeters meters;
    private final Withdrawing withdrawing;

    public EntityConsumer(RowMapper mapper, EntityStore store, OutcomeLedger ledger, FingerprintLedger fingerprints,
                          Rejections rejections, TransactionTemplate transaction) {
        this(mapper, store, ledger, fingerprints, rejections, transaction, FeedMetrics.none().feed("-"));
    }

    public EntityConsumer(RowMapper mapper, EntityStore store, OutcomeLedger ledger, FingerprintLedger fingerprints,
                          Rejections rejections, TransactionTemplate transaction, FeedMeters meters) {
        this(mapper, store, null, ledger, fingerprints, rejections, transaction, meters);
    }

    /** @param withdrawals how the feed's table withdraws keys, or null when this consumer is given no withdrawals */
    public EntityConsumer(RowMapper mapper, EntityStore store, EntityWithdrawals withdrawals, OutcomeLedger ledger,
                          FingerprintLedger fingerprints, Rejections rejections, TransactionTemplate transaction,
                          FeedMeters meters) {
        this.mapper = mapper;
        this.rejecter = new Rejecter(rejections, meters);
        this.upsert = new BatchUpsert(store, ledger, new CommittedContent(mapper.feed(), fingerprints), transaction, meters,
                rejecter);
        this.transaction = transaction;
        this.meters = meters;
        this.withdrawing = withdrawals == null ? null
                : new Withdrawing(mapper.feed(), withdrawals, ledger, fingerprints, transaction, meters);
    }

    @Override
    public List<Outcome> consume(List<RecordMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), (Outcome) null));
        List<EntityStore.Upsert> upserts = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        List<Integer> withdrawals = new ArrayList<>(0);
        long mappingStarted = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            RecordMessage message = batch.get(i);
            if (message.withdrawal()) {
                withdrawals.add(i);
                continue;
            }
            try {
                upserts.add(new EntityStore.Upsert(mapper.map(message), message.runId(), message.recordNumber()));
                positions.add(i);
            } catch (MappingException e) {
                outcomes.set(i, rejecter.reject(message, e.rule(), e.field(), e.value(), e.getMessage()));
            } catch (RuntimeException e) {
                // a lookup reads the reference table: a database out of reach is an outage here too
                if (DatabaseUnavailableException.isOutage(e)) {
                    throw new DatabaseUnavailableException(e);
                }
                if (!StoreFailures.timedOut(e)) {
                    throw e;
                }
                // a lookup waited out the timeout (a reference row being created elsewhere): this record only
                outcomes.set(i, Outcome.retry(StoreFailures.reason(e, transaction.getTimeout())));
            }
        }
        long upsertStarted = System.nanoTime();
        meters.mapped(upsertStarted - mappingStarted);
        upsert.store(batch, upserts, positions, outcomes);
        if (!upserts.isEmpty()) {
            meters.upserted(System.nanoTime() - upsertStarted);
        }
        withdraw(batch, withdrawals, outcomes);
        return outcomes;
    }

    private void withdraw(List<RecordMessage> batch, List<Integer> withdrawals, List<Outcome> outcomes) {
        if (withdrawals.isEmpty()) {
            return;
        }
        if (withdrawing == null || mapper.feed().snapshot() == null) {
            // a worker whose definition of the feed is not (yet) a snapshot: kept for one that is, or for a person
            withdrawals.forEach(i -> outcomes.set(i, Outcome.retry("a withdrawal, but this worker's definition of feed "
                    + mapper.feed().name() + " is not mode: snapshot")));
            return;
        }
        withdrawing.apply(batch, withdrawals, outcomes);
    }
}
