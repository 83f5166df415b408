package io.feedimport.generate;

/**
 * What a generator wrote: the number of records, how many of them were made invalid on purpose, and the size
 * of the output (characters for a {@link java.io.Writer}, bytes for a file).
 */
public record GeneratedFeed(long records, long invalid, long bytes) {
}
