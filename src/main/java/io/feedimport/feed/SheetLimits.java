package io.feedimport.feed;

/**
 * The zip-bomb guards of a spreadsheet feed (XLSX is a zip file), as Apache POI's ZipSecureFile applies them: the
 * largest uncompressed part, the smallest compression ratio a part may have, and the most text one part may hold.
 */
public record SheetLimits(long maxEntrySize, double minInflateRatio, long maxTextSize) {

    /** POI's own defaults, written out: a 4 GiB part, a ratio of 1%, 10 million characters of text. */
    public static final SheetLimits DEFAULT = new SheetLimits(0xFFFFFFFFL, 0.01, 10_485_760L);
}
