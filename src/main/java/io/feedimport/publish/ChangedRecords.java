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
import io.feedimport.read.SourceRecord;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.validate.CheckedRecord;

/**
 * Decides which of a chunk's valid records travel, and turns those into messages. Every message carries the
 * fingerprint of its content, for the consumer to store when it commits the record, whether or not this run
 * compares: a run that sent everything (delta off, or {@code --full}) leaves fingerprints true to the target for the
 * next one. When comparing, a record whose key already has that fingerprint stays behind, unless its key was sent
 * earlier in the run: then the earlier record would be the one left in the target.
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
     * compares its few records one query per chunk, since loading every stored fingerprint (a second or more for a
     * million, on the embedded database) would cost it more than those queries and hold its first new record back.
     */
    void remaining(double share) {
        worthLoading = share >= 0.25;
    }

    /**
     * Of a chunk's valid records, those to send, as messages in order; the others are unchanged since their content was
     * last committed. A message is built only for a record that travels: an unchanged night compares a million
     * fingerprints and builds no message. The keys of those sent are marked pending before they go, so no later
     * comparison, in this run or the next, takes their old content for current while the new one is on its way.
     */
    List<RecordMessage> toSend(long runId, List<CheckedRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        int size = records.size();
        String[][] canonical = new String[size][];
        String[] keyTexts = new String[size];
        long[] keyHashes = new long[size];
        long[] contents = new long[size];
        for (int i = 0; i < size; i++) {
            Object[] typed = records.get(i).values();
            canonical[i] = canonical(typed);
            // the key as stored, not as written: 007 and 7 are one entity, so they must share a lane and a fingerprint
            keyTexts[i] = keys.textOfRecord(typed);
            keyHashes[i] = keys.number(keyTexts[i]);
            contents[i] = fingerprints.content(canonical[i]);
        }
        boolean[] send = compare ? changed(runId, records, keyHashes, contents) : null;
        List<RecordMessage> messages = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (send == null || send[i]) {
                messages.add(message(runId, records.get(i).source(), keyTexts[i], canonical[i], contents[i]));
                pending.add(ContentFingerprints.text(keyHashes[i]));
            }
        }
        // every key sent, not only those found stored: one may have been stored since (committed earlier in this run),
        // or under another feed that fills the same table, which the feed's fingerprints in memory leave out
        ledger.markPending(pending);
        return messages;
    }

    private boolean[] changed(long runId, List<CheckedRecord> records, long[] keyHashes, long[] contents) {
        if (!snapshotAsked) {
            snapshotAsked = true;
            snapshot = worthLoading ? ledger.snapshot(feed, runId, maxSnapshotKeys) : null;
        }
        List<String> hashTexts = snapshot == null ? texts(keyHashes) : List.of();
        Map<String, String> stored = snapshot == null ? ledger.stored(hashTexts, runId) : Map.of();
        // a record of this run already handled was sent by an attempt killed before its chunk committed: it is sent
        // again (the outcome ledger counts it once), never counted unchanged as well. Read after the fingerprints: a
        // consumer commits both at once, so a record stored in between shows here
        Set<Long> handled = outcomes.recorded(runId, records.get(0).source().number(),
                records.get(records.size() - 1).source().number());
        boolean[] send = new boolean[records.size()];
        for (int i = 0; i < send.length; i++) {
            boolean same = snapshot == null
                    ? ContentFingerprints.text(contents[i]).equals(stored.get(hashTexts.get(i)))
                    : snapshot.holds(keyHashes[i], contents[i]);
            if (!same || sent.mightContain(keyHashes[i]) || handled.contains(records.get(i).source().number())) {
                sent.add(keyHashes[i]);
                send[i] = true;
            }
        }
        return send;
    }

    private static String[] canonical(Object[] typed) {
        String[] canonical = new String[typed.length];
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] != null) {
                canonical[i] = ValueParser.canonical(typed[i]);
            }
        }
        return canonical;
    }

    /** A valid record as a message: its values in canonical text, its key as stored, its content's fingerprint. */
    private RecordMessage message(long runId, SourceRecord source, String key, String[] canonical, long content) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < canonical.length; i++) {
            if (canonical[i] != null) {
                values.put(fields.get(i).name(), canonical[i]);
            }
        }
        return new RecordMessage(runId, feed, source.number(), source.line(), key, values,
                ContentFingerprints.text(content));
    }

    private static List<String> texts(long[] hashes) {
        List<String> texts = new ArrayList<>(hashes.length);
        for (long hash : hashes) {
            texts.add(ContentFingerprints.text(hash));
        }
        return texts;
    }
}
