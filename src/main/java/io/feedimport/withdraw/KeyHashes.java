package io.feedimport.withdraw;

import java.util.List;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.feed.ValueParser;

/**
 * The key of a row as one hash, the same whether the key values come from a file's typed record or from the target
 * table: each value in its key form ({@code 7.0} and {@code 7} are one key), hashed as the fingerprint ledger hashes
 * keys.
 */
public final class KeyHashes {

    private final List<FieldType> types;
    private final ContentFingerprints fingerprints;

    public KeyHashes(FeedDefinition feed) {
        this.types = feed.target().key().stream().map(name -> feed.field(name).orElseThrow().type()).toList();
        this.fingerprints = new ContentFingerprints(feed);
    }

    /** @param keyValues the typed values of the key's fields, in the target's key order; null when one is missing */
    public String of(Object[] keyValues) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyValues.length; i++) {
            if (keyValues[i] == null) {
                return null;
            }
            if (i > 0) {
                key.append('|');
            }
            key.append(ValueParser.canonical(types.get(i).keyForm(keyValues[i])));
        }
        return fingerprints.key(key.toString());
    }
}
