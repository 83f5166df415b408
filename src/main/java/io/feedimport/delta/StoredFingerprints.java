package io.feedimport.delta;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The content fingerprints one feed had stored when a run started, held in memory so that each record is compared
 * without a query: key hashes in ascending order beside their contents, 16 bytes a key. A key marked pending, or
 * committed by the run itself (a resumed run re-sends what its killed attempt committed), matches no content.
 */
public final class StoredFingerprints {

    private final long[] keys;
    private final long[] contents;
    private final BitSet pending;
    private final int size;
    /**
     * Where the keys of each value of their top 16 bits start: hashes are uniform, so a lookup searches a few
     * neighbours instead of halving a million keys, each halving a cache miss.
     */
    private final int[] starts = new int[(1 << 16) + 1];

    StoredFingerprints(long[] keys, long[] contents, BitSet pending, int size) {
        this.keys = keys;
        this.contents = contents;
        this.pending = pending;
        this.size = size;
        int at = 0;
        for (int bucket = 0; bucket < starts.length - 1; bucket++) {
            starts[bucket] = at;
            while (at < size && bucket(keys[at]) == bucket) {
                at++;
            }
        }
        starts[starts.length - 1] = size;
    }

    /** The top 16 bits, in the keys' signed order. */
    private static int bucket(long key) {
        return (int) (key >> 48) + (1 << 15);
    }

    /** Whether {@code keyHash} has {@code content} stored, and no newer content on its way. */
    public boolean holds(long keyHash, long content) {
        int at = find(keyHash);
        return at >= 0 && contents[at] == content && !pending.get(at);
    }

    private int find(long keyHash) {
        int bucket = bucket(keyHash);
        return Arrays.binarySearch(keys, starts[bucket], starts[bucket + 1], keyHash);
    }

    public int size() {
        return size;
    }

    /** Fills a snapshot from rows handed over in ascending key order; refuses any other order, and past a size. */
    static final class Loader {

        private final int maxKeys;
        private long[] keys = new long[1024];
        private long[] contents = new long[1024];
        private final BitSet pending = new BitSet();
        private int size;
        private boolean refused;

        Loader(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        /** @return false once the rows are out of order or too many: then {@link #snapshot} is null */
        boolean add(long key, long content, boolean isPending) {
            if (refused || size > 0 && key <= keys[size - 1] || size == maxKeys) {
                refused = true;
                return false;
            }
            if (size == keys.length) {
                int grown = (int) Math.min(maxKeys, 2L * size);
                keys = Arrays.copyOf(keys, grown);
                contents = Arrays.copyOf(contents, grown);
            }
            keys[size] = key;
            contents[size] = content;
            if (isPending) {
                pending.set(size);
            }
            size++;
            return true;
        }

        StoredFingerprints snapshot() {
            return refused ? null : new StoredFingerprints(keys, contents, pending, size);
        }
    }
}
