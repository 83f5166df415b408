package io.feedimport.consume;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.monitoring.FeedMeters;
import io.feedimport.publish.RecordMessage;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.store.EntityStore;
import io.feedimport.store.StoreResult;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upserts the mapped records of a batch in one transaction with their ledger entries and the fingerprints of the
 * content now stored (what the importer compares the next export against). When the batch fails on one
 * record, it is halved until the culprit is alone, so its neighbours pass and one bad record never takes its batch to
 * the parking lot. Rows other transactions hold locked are skipped by the batch and stored afterwards one at a time,
 * each waiting at most {@code delivery.timeout}. Outcomes are counted in the metrics after their transaction commits,
 * and only those the ledger took: a redelivered record, already accounted for, counts nothing again.
 */
final class BatchUpsert {

    private final EntityStore store;
    private final OutcomeLedger ledger;
    private final CommittedContent content;
    private final TransactionTemplate transaction;
    private final FeedMeters meters;
    private final Rejecter rejecter;

    BatchUpsert(EntityStore store, OutcomeLedger ledger, CommittedContent content, TransactionTemplate transaction,
                FeedMeters meters, Rejecter rejecter) {
        this.store = store;
        this.ledger = ledger;
        this.content = content;
        this.transaction = transaction;
        this.meters = meters;
        this.rejecter = rejecter;
    }

    /**
     * Stores {@code upserts} (the mapped records of {@code batch} at {@code positions}) and sets the outcome of each;
     * a batch that fails is split until the culprit is alone.
     *
     * @throws DatabaseUnavailableException when the database is out of reach: every record would fail alike
     */
    void store(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
               List<Outcome> outcomes) {
        if (upserts.isEmpty()) {
            return;
        }
        List<Integer> held = new ArrayList<>();
        try {
            List<OutcomeLedger.Entry> recorded = transaction.execute(status -> {
                held.clear();
                // a batch skips rows locked elsewhere; a record alone waits for its row, up to the timeout
                List<StoreResult> results = upserts.size() == 1 ? store.upsertAll(upserts) : store.upsertUnlocked(upserts);
                List<OutcomeLedger.Entry> entries = new ArrayList<>(results.size());
                List<RecordMessage> messages = new ArrayList<>(results.size());
                for (int i = 0; i < results.size(); i++) {
                    EntityStore.Upsert upsert = upserts.get(i);
                    messages.add(batch.get(positions.get(i)));
                    if (results.get(i) == null) {
                        held.add(i);
                    } else {
                        entries.add(new OutcomeLedger.Entry(upsert.runId(), upsert.recordNumber(), results.get(i).outcome()));
                    }
                }
                // the target now holds these records' content, whatever the ledger says of their first delivery
                content.committed(messages, results);
                return ledger.recordAll(entries);
            });
            for (int i = 0; i < positions.size(); i++) {
                if (!held.contains(i)) {
                    outcomes.set(positions.get(i), Outcome.ack());
                }
            }
            count(recorded);
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isOutage(e)) {
                // every record would fail alike, and neither splitting nor spending their attempts would help
                throw new DatabaseUnavailableException(e);
            }
            settleFailure(batch, upserts, positions, outcomes, e);
            return;
        }
        held.forEach(i -> storeAlone(batch, upserts, positions, outcomes, i));
    }

    private void storeAlone(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                            List<Outcome> outcomes, int i) {
        store(batch, upserts.subList(i, i + 1), positions.subList(i, i + 1), outcomes);
    }

    private void settleFailure(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                               List<Outcome> outcomes, RuntimeException e) {
        if (e instanceof BadSqlGrammarException || e instanceof PermissionDeniedDataAccessException) {
            // not the records' fault (missing table or column, no permission): every record would fail the same way,
            // so the transport is told at once instead of parking the whole file one retry budget at a time
            throw e;
        }
        if (upserts.size() > 1 && StoreFailures.timedOut(e)) {
            // the timeout is per record: halving would cost a timeout per level, one at a time costs it once per
            // record that is really stuck (an insert waiting for the same key's uncommitted insert, a slow database)
            for (int i = 0; i < upserts.size(); i++) {
                storeAlone(batch, upserts, positions, outcomes, i);
            }
            return;
        }
        if (upserts.size() > 1) {
            // a deadlock, a serialization conflict, a constraint, or something unexpected, possibly of one record
            // only, and failing fast: the records that can pass now do, and only the culprit is retried or rejected
            split(batch, upserts, positions, outcomes);
            return;
        }
        int i = positions.get(0);
        if (e instanceof DataIntegrityViolationException && !(e instanceof DuplicateKeyException)) {
            outcomes.set(i, rejecter.reject(batch.get(i), "constraint", null, null,
                    StoreFailures.firstLine((DataAccessException) e)));
        } else {
            // transient (DuplicateKeyException: a concurrent insert of the same key) or unexpected: tried again later
            outcomes.set(i, Outcome.retry(StoreFailures.reason(e, transaction.getTimeout())));
        }
    }

    private void split(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                       List<Outcome> outcomes) {
        int half = upserts.size() / 2;
        store(batch, upserts.subList(0, half), positions.subList(0, half), outcomes);
        store(batch, upserts.subList(half, upserts.size()), positions.subList(half, positions.size()), outcomes);
    }

    /** Unchanged includes outdated (a newer version was stored), as in the run's summary. */
    private void count(List<OutcomeLedger.Entry> recorded) {
        long persisted = 0;
        long unchanged = 0;
        for (OutcomeLedger.Entry entry : recorded) {
            switch (entry.outcome()) {
                case PERSISTED -> persisted++;
                case UNCHANGED, OUTDATED -> unchanged++;
                default -> { }
            }
        }
        if (persisted > 0) {
            meters.persisted(persisted);
        }
        if (unchanged > 0) {
            meters.unchanged(unchanged);
        }
    }
}
