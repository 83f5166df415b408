package io.feedimport.delta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;

/**
 * Fingerprints of one feed's records: the first 64 bits of SHA-256, as 16 hex digits, which the ledgers store as
 * BIGINT ({@link #number}). A content fingerprint covers the record's canonical
 * values and the feed's mapping (each field's name, path, type, format and lookup, the lookups' tables and the target),
 * so the same values under another mapping fingerprint differently and are sent again. Rules (lengths, patterns,
 * bounds) are not part of it: a stricter rule skips records, a looser one lets records through that were never stored
 * and so have no fingerprint. An instance is not thread-safe: one per run.
 */
public final class ContentFingerprints {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest = sha256();
    private final String table;
    private final byte[] mapping;
    /** Each field's name as {@link #encode} appends it, in the feed's field order: the same for every record. */
    private final byte[][] names;
    /** A record's values as the digest takes them, given to it in one call rather than two per value. */
    private byte[] scratch = new byte[1024];
    private final byte[] sha = new byte[32];

    public ContentFingerprints(FeedDefinition feed) {
        this.table = feed.target().table();
        this.mapping = digest.digest(mapping(feed).getBytes(StandardCharsets.UTF_8));
        this.names = feed.fields().stream().map(field -> lengthPrefixed(field.name())).toArray(byte[][]::new);
    }

    /** The text every content fingerprint of the feed starts from. */
    static String mapping(FeedDefinition feed) {
        StringBuilder text = new StringBuilder();
        for (FieldDefinition field : feed.fields()) {
            text.append(field.name()).append('\u0000').append(field.path()).append('\u0000').append(field.sheetColumn())
                    .append(field.sheetLetter() == null ? "" : "\u0000letter " + field.sheetLetter())
                    .append('\u0000').append(field.type()).append('\u0000').append(field.format()).append('\u0000')
                    .append(field.lookup() == null ? "" : feed.lookups().get(field.lookup())).append('\n');
        }
        return text.append(feed.target().table()).append('\u0000').append(feed.target().key()).append('\u0000')
                .append(feed.target().version()).toString();
    }

    /** The fingerprint of a record's content: its values in canonical text by field name, in the feed's field order. */
    public String content(Map<String, String> values) {
        int end = 0;
        for (Map.Entry<String, String> value : values.entrySet()) {
            // a separator no canonical value contains unescaped would be needed otherwise: lengths make it unambiguous
            end = encode(value.getKey(), end);
            end = encode(value.getValue(), end);
        }
        digest.update(mapping);
        digest.update(scratch, 0, end);
        return hex(finish());
    }

    /**
     * As {@link #content(Map)}, as a number ({@link #number}), from a record's values in canonical text in the feed's
     * field order, null where a field has none: a record compared and found unchanged needs neither the map nor the
     * text.
     */
    public long content(String[] canonical) {
        int end = 0;
        for (int i = 0; i < canonical.length; i++) {
            if (canonical[i] != null) {
                byte[] name = names[i];
                ensure(end + name.length);
                System.arraycopy(name, 0, scratch, end, name.length);
                end = encode(canonical[i], end + name.length);
            }
        }
        digest.update(mapping);
        digest.update(scratch, 0, end);
        return first64(finish());
    }

    /**
     * The fingerprint of a key of this feed's target table, as stored in the ledger: keys may be longer than any
     * column allows. It is the table's key, not the feed's: two feeds writing one table share what it holds.
     */
    public String key(String key) {
        int end = encode(key, encode(table, 0));
        digest.update(scratch, 0, end);
        return hex(finish());
    }

    /** As {@link #key(String)}, as a number ({@link #number}). */
    public long keyNumber(String key) {
        int end = encode(key, encode(table, 0));
        digest.update(scratch, 0, end);
        return first64(finish());
    }

    /** As {@link #key(String)}, for a key of {@code table}, from any thread. */
    public static String key(String table, String key) {
        return key(sha256(), table, key);
    }

    private static String key(MessageDigest digest, String table, String key) {
        update(digest, table);
        update(digest, key);
        return hex(digest.digest());
    }

    private byte[] finish() {
        try {
            digest.digest(sha, 0, sha.length);
            return sha;
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 gives 32 bytes", e);
        }
    }

    /**
     * Appends {@code text} at {@code at} as {@link #update(MessageDigest, String)} gives it to a digest: its length in
     * UTF-8 bytes, big-endian in four bytes, then those bytes. {@link String#getBytes} is a plain copy for ASCII text,
     * faster than any encoding loop of ours; the digest then takes the whole record in one call.
     *
     * @return where the text ends
     */
    private int encode(String text, int at) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int end = at + 4 + bytes.length;
        ensure(end);
        scratch[at] = (byte) (bytes.length >>> 24);
        scratch[at + 1] = (byte) (bytes.length >>> 16);
        scratch[at + 2] = (byte) (bytes.length >>> 8);
        scratch[at + 3] = (byte) bytes.length;
        System.arraycopy(bytes, 0, scratch, at + 4, bytes.length);
        return end;
    }

    private void ensure(int length) {
        if (scratch.length < length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(2 * scratch.length, length));
        }
    }

    /** The first 64 bits, big-endian: what {@link #number} reads back from the 16 hex digits of {@link #hex}. */
    private static long first64(byte[] sha256) {
        long number = 0;
        for (int i = 0; i < 8; i++) {
            number = number << 8 | (sha256[i] & 0xFF);
        }
        return number;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(lengthPrefixed(text));
    }

    /** {@code text} as {@link #encode} appends it. */
    private static byte[] lengthPrefixed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] prefixed = new byte[4 + bytes.length];
        prefixed[0] = (byte) (bytes.length >>> 24);
        prefixed[1] = (byte) (bytes.length >>> 16);
        prefixed[2] = (byte) (bytes.length >>> 8);
        prefixed[3] = (byte) bytes.length;
        System.arraycopy(bytes, 0, prefixed, 4, bytes.length);
        return prefixed;
    }

    private static String hex(byte[] sha256) {
        return HEX.formatHex(sha256, 0, 8);
    }

    /**
     * A fingerprint as the ledgers store it. Only its first 16 digits count: a message sent before fingerprints were
     * 64 bits carries 32, whose first half is the fingerprint of today.
     */
    public static long number(String fingerprint) {
        return Long.parseUnsignedLong(fingerprint, 0, 16, 16);
    }

    /** A fingerprint stored as a number, as text again. */
    public static String text(long number) {
        return HEX.toHexDigits(number);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
