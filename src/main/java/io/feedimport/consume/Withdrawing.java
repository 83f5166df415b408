package io.feedimport.consume;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.publish.RecordMessage;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;
import io.feedimport.store.EntityWithdrawals;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the withdrawals of a batch in one transaction with their ledger entries, and forgets the fingerprints of the
 * keys withdrawn, so a key that comes back is sent and revives its row. A withdrawal that finds a row written by a
 * later run leaves it, and is counted kept (OUTDATED). A redelivered withdrawal changes nothing and counts nothing.
 */
final class Withdrawing {

    private final FeedDefinition feed;
    private final List<FieldDefinition> keyFields;
    private final EntityWithdrawals store;
    private final OutcomeLedger ledger;
    private final FingerprintLedger fingerprintLedger;
    private final TransactionTemplate transaction;
    private final FeedMeters meters;

    Withdrawing(FeedDefinition feed, EntityWithdrawals store, OutcomeLedger ledger, FingerprintLedger fingerprintLedger,
                TransactionTemplate transaction, FeedMeters meters) {
        this.feed = feed;
        this.keyFields = feed.target().key().stream().map(name -> feed.field(name).orElseThrow()).toList();
        this.store = store;
        this.ledger = ledger;
        this.fingerprintLedger = fingerprintLedger;
        this.transaction = transaction;
        this.meters = meters;
    }

    /** Sets the outcome of each withdrawal of {@code batch} at {@code positions}. */
    void apply(List<RecordMessage> batch, List<Integer> positions, List<Outcome> outcomes) {
        List<EntityWithdrawals.Withdraw> withdrawals = new ArrayList<>(positions.size());
        List<Integer> valid = new ArrayList<>(positions.size());
        for (int position : positions) {
            RecordMessage message = batch.get(position);
            try {
                withdrawals.add(new EntityWithdrawals.Withdraw(key(message), message.runId(), message.recordNumber()));
                valid.add(position);
            } catch (RuntimeException e) {
                // listed from the table by the importer: a key that does not parse is a defect, kept for a person
                outcomes.set(position, Outcome.retry("withdrawal of key " + message.key() + " cannot be read: " + e.getMessage()));
            }
        }
        if (withdrawals.isEmpty()) {
            return;
        }
        ContentFingerprints fingerprints = new ContentFingerprints(feed); // one per call: consumer threads share this object
        try {
            List<OutcomeLedger.Entry> recorded = transaction.execute(status -> {
                List<Boolean> withdrawn = store.withdrawAll(withdrawals);
                List<OutcomeLedger.Entry> entries = new ArrayList<>(withdrawals.size());
                List<String> forgotten = new ArrayList<>();
                for (int i = 0; i < withdrawals.size(); i++) {
                    RecordMessage message = batch.get(valid.get(i));
                    entries.add(new OutcomeLedger.Entry(message.runId(), message.recordNumber(),
                            withdrawn.get(i) ? RecordOutcome.WITHDRAWN : RecordOutcome.OUTDATED));
                    if (withdrawn.get(i)) {
                        forgotten.add(fingerprints.key(message.key()));
                    }
                }
                fingerprintLedger.forget(forgotten);
                return ledger.recordAll(entries);
            });
            valid.forEach(position -> outcomes.set(position, Outcome.ack()));
            // counted once committed, and only what the ledger took: a redelivery counts nothing again
            long withdrawnNow = recorded.stream().filter(entry -> entry.outcome() == RecordOutcome.WITHDRAWN).count();
            if (withdrawnNow > 0) {
                meters.withdrawn(withdrawnNow);
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isOutage(e)) {
                throw new DatabaseUnavailableException(e);
            }
            String reason = StoreFailures.reason(e, transaction.getTimeout());
            valid.forEach(position -> outcomes.set(position, Outcome.retry(reason)));
        }
    }

    private Object[] key(RecordMessage message) {
        Object[] key = new Object[keyFields.size()];
        for (int i = 0; i < key.length; i++) {
            FieldDefinition field = keyFields.get(i);
            String text = message.values().get(field.name());
            if (text == null) {
                throw new IllegalArgumentException("it has no value for key field " + field.name());
            }
            key[i] = field.type().parse(text, null);
        }
        return key;
    }
}
