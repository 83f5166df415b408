package io.feedimport.delta;

import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.feed.ValueParser;

/**
 * The key of a target row as text and as hash, the same whether its values come from a file's typed record or from
 * the target table: each value in its key form ({@code 7.50} and {@code 7.5} are one key, and so are
 * {@code 12:00+02:00} and {@code 10:00Z}), in canonical text. Messages carry this text, the fingerprint and seen-key
 * ledgers store its hash, and withdrawals are listed by it: were any of them to write a key another way, a key
 * withdrawn could keep its fingerprint and stay withdrawn when it comes back unchanged. Not thread-safe: one per user.
 */
public final class RecordKeys {

    private final List<FieldType> types;
    private final int[] fields;
    private final ContentFingerprints fingerprints;

    public RecordKeys(FeedDefinition feed) {
        this.types = feed.target().key().stream().map(name -> feed.field(name).orElseThrow().type()).toList();
        this.fields = feed.target().key().stream().mapToInt(feed::indexOf).toArray();
        this.fingerprints = new ContentFingerprints(feed);
    }

    /** @param keyValues the typed values of the key's fields, in the target's key order; null when one is missing */
    public String text(Object[] keyValues) {
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
        return key.toString();
    }

    /** @param recordValues the typed values of all of a record's fields, in the feed's field order */
    public String textOfRecord(Object[] recordValues) {
        Object[] key = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            key[i] = recordValues[fields[i]];
        }
        return text(key);
    }

    /** The hash of {@link #text}, as the ledgers store it; null when a part of the key is missing. */
    public String hash(Object[] keyValues) {
        String text = text(keyValues);
        return text == null ? null : fingerprints.key(text);
    }

    /** The hash of a key's text, as the ledgers store it. */
    public String hash(String text) {
        return fingerprints.key(text);
    }

    /** {@link #hash(String)} as a number ({@link ContentFingerprints#number}). */
    public long number(String text) {
        return fingerprints.keyNumber(text);
    }
}
