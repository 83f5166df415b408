package io.feedimport.validate;

import java.nio.file.Path;
import java.util.function.Consumer;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.read.InputException;
import io.feedimport.read.ReadAheadRecordReader;
import io.feedimport.read.RecordReader;
import io.feedimport.read.RecordReaders;
import io.feedimport.read.SourceRecord;

/**
 * A dry run of one feed over one file: every record read and validated, nothing imported. Says how many records an
 * import would skip and whether the feed's skip limit would stop it; the {@code validate} command and the parse
 * benchmark both run it.
 */
public final class DryRun {

    /**
     * What a dry run found: records read and skipped, the break that ended the file early ({@code failure}, null when it
     * was read to its end), and whether the skipped records are over the feed's skip limit.
     */
    public record Verdict(long read, long skipped, String failure, boolean overLimit) {

        public long valid() {
            return read - skipped;
        }

        /** An import of this file would complete: it reads to the end and stays within the skip limit. */
        public boolean passed() {
            return failure == null && !overLimit;
        }
    }

    private final FeedDefinition feed;
    private final RecordValidator validator;

    public DryRun(FeedDefinition feed) {
        this.feed = feed;
        this.validator = new RecordValidator(feed);
    }

    /** Reads {@code file} as an import does, parsing ahead on a second thread; see {@link #over}. */
    public Verdict of(Path file, Consumer<CheckedRecord> skipped) {
        return over(new ReadAheadRecordReader(RecordReaders.open(feed, file)), skipped);
    }

    /**
     * Validates every record {@code source} reads, hands each invalid one to {@code skipped} as it is found, and closes
     * the source. A file that breaks midway is the verdict's failure, with the counts up to the break.
     *
     * @throws InputException when the file cannot be read at all (missing, empty, not the feed's format)
     */
    public Verdict over(RecordReader source, Consumer<CheckedRecord> skipped) {
        long read = 0;
        long invalid = 0;
        String failure = null;
        try (RecordReader reader = source) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                read++;
                CheckedRecord checked = validator.check(record);
                if (!checked.valid()) {
                    invalid++;
                    skipped.accept(checked);
                }
            }
        } catch (InputException e) {
            if (e.unreadable()) {
                throw e;
            }
            failure = e.getMessage();
        }
        return new Verdict(read, invalid, failure, feed.skipLimit().exceededAtEnd(invalid, read));
    }
}
