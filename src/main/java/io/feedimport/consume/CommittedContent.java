package io.feedimport.consume;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.StoreResult;

/**
 * Tells the fingerprint ledger what a commit put in the target, inside that commit's transaction. A record stored
 * (or found as stored) under the importer's fingerprint has that fingerprint remembered, once this consumer computes
 * the same one from its own definition: a worker still running an older definition maps the record its own way, so
 * the importer's fingerprint would claim content the target does not hold. A record stored without a fingerprint
 * that can be trusted (a message of an earlier release, or of another mapping) makes its key forgotten, so its next
 * record is sent. An outdated record changed nothing.
 */
final class CommittedContent {

    private final FeedDefinition feed;
    private final FingerprintLedger ledger;

    CommittedContent(FeedDefinition feed, FingerprintLedger ledger) {
        this.feed = feed;
        this.ledger = ledger;
    }

    /** @param results the store's result of each message, null for a row left to be stored alone */
    void committed(List<RecordMessage> messages, List<StoreResult> results) {
        ContentFingerprints fingerprints = new ContentFingerprints(feed); // one per call: consumers share this object
        List<FingerprintLedger.Committed> remembered = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            RecordMessage message = messages.get(i);
            StoreResult result = results.get(i);
            if (result == null || result == StoreResult.OUTDATED || message.key() == null) {
                continue;
            }
            String key = fingerprints.key(message.key());
            if (message.fingerprint() != null && message.fingerprint().equals(fingerprints.content(message.values()))) {
                remembered.add(new FingerprintLedger.Committed(key, message.feed(), message.fingerprint(), message.runId()));
            } else if (result != StoreResult.UNCHANGED) {
                forgotten.add(key);
            }
        }
        ledger.forget(forgotten);
        ledger.remember(remembered);
    }
}
