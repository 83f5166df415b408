package io.feedimport.delta;


/**
 * The keys a run has sent so far, as a Bloom filter of fixed size (1 MiB): a key seen again later in the same file
 * must be sent even when its content matches the stored fingerprint, or the earlier record sent for that key would be
 * the one left in the target. A false positive only sends an unchanged record (the consumer then finds it unchanged);
 * there are no false negatives. Memory stays the same however many keys a file has: with a hundred thousand keys sent
 * (a tenth of a million-record export changed), about six unchanged records in a million are sent for nothing.
 */
public final class SentKeys {

    private static final int BITS = 1 << 23;
    private static final int HASHES = 4;

    private final long[] words = new long[BITS / 64];

    /** @param keyHash a key fingerprint as a number ({@link ContentFingerprints#number}): its bits are already uniform */
    public void add(long keyHash) {
        for (int bit : bits(keyHash)) {
            words[bit >>> 6] |= 1L << (bit & 63);
        }
    }

    public boolean mightContain(long keyHash) {
        for (int bit : bits(keyHash)) {
            if ((words[bit >>> 6] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] bits(long hash) {
        // four probes from the 64-bit fingerprint's two halves (Kirsch and Mitzenmacher): as good as four hashes
        int first = (int) hash;
        int second = (int) (hash >>> 32);
        int[] bits = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            bits[i] = (first + i * second) & (BITS - 1);
        }
        return bits;
    }
}
