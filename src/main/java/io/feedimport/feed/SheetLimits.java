package io.feedimport.feed;

/**
 * The guards of a spreadsheet feed. Against zip bombs (XLSX is a zip file), as Apache POI's ZipSecureFile applies
 * them: the largest uncompressed part and the smallest compression ratio a part may have. Against memory: the most
 * characters one cell may hold, and the most bytes the shared strings table (which is held in memory) may unpack to.
 */
public record SheetLimits(long maxEntrySize, double minInflateRatio, long maxTextSize, long maxSharedStringsSize) {

    /**
     * POI's own defaults, written out (a 4 GiB part, a ratio of 1%, 10 Mi characters of text), and 100 MB of shared
     * strings, which take about twice that in heap.
     */
    public static final SheetLimits DEFAULT = new SheetLimits(0xFFFFFFFFL, 0.01, 10_485_760L, 100_000_000L);
}
