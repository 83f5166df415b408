package io.feedimport.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.delta.RecordKeys;
import io.feedimport.delta.SentKeys;
import io.feedimport.delta.StoredFingerprints;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.ValueParser;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.validate.CheckedRecord;

/**
 * Turns valid records into messages and decides which of a chunk's messages travel. Every message carries the fingerprint of its content, for the
 * consumer to store when it commits the record, whether or not this run compares: a run that sent everything (delta
 * off, or {@code --full}) leaves fingerprints true to the target for the next one. When comparing, a record whose key
 * already has that fingerprint stays behind, unless its key was sent earlier in the run: then the earlier record
 * would be the one left in the target.
 */
final class ChangedRecords {

    private final String feed;
    private final List<FieldDefinition> fields;
    private final RecordKeys keys;
    private final ContentFingerprints fingerprints;
    private final FingerprintLedger ledger;
    private final OutcomeLedger outcomes;
    private final boolean compare;
    private final SentKeys sent = new SentKeys();
    private final int maxSnapshotKeys;
    private StoredFingerprints snapshot;
    private boolean snapshotAsked;
    private boolean worthLoading = true;

    /** @param compare false to send every record (the feed's {@code delta: false}, or a run with {@code --full}) */
    ChangedRecords(FeedDefinition feed, FingerprintLedger ledger, OutcomeLedger outcomes, boolean compare) {
        // an eighth of the heap, at 16 bytes a key: two million keys under the 256 MB the benchmarks give
        this(feed, ledger, outcomes, compare, (int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 8 / 16));
    }

    /**
     * @param maxSnapshotKeys how many stored fingerprints the run may hold in memory; a feed with more is compared one
     *                        query per chunk
     */
    ChangedRecords(FeedDefinition feed, FingerprintLedger ledger, OutcomeLedger outcomes, boolean compare,
                   int maxSnapshotKeys) {
        this.maxSnapshotKeys = maxSnapshotKeys;
        this.feed = feed.name();
        this.fields = feed.fields();
        this.keys = new RecordKeys(feed);
        this.fingerprints = new ContentFingerprints(feed);
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.compare = compare;
    }

    /**
     * Says how much of the file the run still has to read, as a share of it: a run resumed near the end of its file
     * compares its few records one query per chunk, since loading every stored fingerprint (2.5 s for a million, on
     * the embedded database) would cost it more than those queries and hold its first new record back.
     */
    void remaining(double share) {
        worthLoading = share >= 0.25;
    }

    /** A valid record as a message: its values in canonical text, its key as stored, its content's fingerprint. */
    RecordMessage message(long runId, CheckedRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        Object[] typed = record.values();
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] != null) {
                values.put(fields.get(i).name(), ValueParser.canonical(typed[i]));
            }
        }
        // the key as stored, not as written: 007 and 7 are one entity, so they must share a lane and a fingerprint
        return new RecordMessage(runId, feed, record.source().number(), record.source().line(),
                keys.textOfRecord(typed), values, fingerprints.content(values));
    }

    /**
     * Those of {@code messages} to send, in order; the others are unchanged since their content was last committed.
     * The keys of those sent are marked pending before they go, so no later comparison, in this run or the next,
     * takes their old content for current while the new one is on its way.
     */
    List<RecordMessage> toSend(List<RecordMessage> messages) {
        if (messages.isEmpty()) {
            return messages;
        }
        List<String> hashes = new ArrayList<>(messages.size());
        for (RecordMessage message : messages) {
            hashes.add(keys.hash(message.key()));
        }
        if (!compare) {
            ledger.markPending(hashes);
            return messages;
        }
        long runId = messages.get(0).runId();
        if (!snapshotAsked) {
            snapshotAsked = true;
            snapshot = worthLoading ? ledger.snapshot(feed, runId, maxSnapshotKeys) : null;
        }
        Map<String, String> stored = snapshot == null ? ledger.stored(hashes, runId) : Map.of();
        // a record of this run already handled was sent by an attempt killed before its chunk committed: it is sent
        // again (the outcome ledger counts it once), never counted unchanged as well. Read after the fingerprints: a
        // consumer commits both at once, so a record stored in between shows here
        Set<Long> handled = outcomes.recorded(messages.get(0).runId(), messages.get(0).recordNumber(),
                messages.get(messages.size() - 1).recordNumber());
        List<RecordMessage> changed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            RecordMessage message = messages.get(i);
            String key = hashes.get(i);
            boolean same = snapshot == null ? message.fingerprint().equals(stored.get(key))
                    : snapshot.holds(ContentFingerprints.number(key), ContentFingerprints.number(message.fingerprint()));
            if (!same || sent.mightContain(key) || handled.contains(message.recordNumber())) {
                sent.add(key);
                changed.add(message);
                pending.add(key);
            }
        }
        // every key sent, not only those found stored: one may have been stored since (committed earlier in this run),
        // or under another feed that fills the same table, which the feed's fingerprints in memory leave out
        ledger.markPending(pending);
        return changed;
    }
}
