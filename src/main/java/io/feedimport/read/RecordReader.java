package io.feedimport.read;

/**
 * Streams the records of one file. Implementations hold at most one record in memory and can skip
 * records already committed by an earlier attempt of the same run.
 */
public interface RecordReader extends AutoCloseable {

    /** @return the next record, or {@code null} at the end of the file */
    SourceRecord read();

    /** Moves past the next {@code records} records without building them; used when a run resumes. */
    void skip(long records);

    /** How many records have been read or skipped so far. */
    long position();

    /** How many bytes of the file have been consumed so far, for progress; -1 when the reader cannot tell. */
    default long bytesRead() {
        return -1;
    }

    /**
     * Where the last record handed out starts, noted cheaply for every record; null before the first, or when the
     * reader cannot reopen its file there (a spreadsheet, a zip, cannot be seeked in: it resumes by skipping rows).
     */
    default RecordMark mark() {
        return null;
    }

    /**
     * The point to reopen the file at ({@link RecordReaders#open(io.feedimport.feed.FeedDefinition, java.nio.file.Path,
     * ResumePoint)}) to go on after the marked record; costs a little, so asked for only when a chunk commits.
     */
    default ResumePoint resumePoint(RecordMark mark) {
        return null;
    }

    /** The point to resume at after the last record handed out, or null when there is none. */
    default ResumePoint resumePoint() {
        RecordMark last = mark();
        return last == null ? null : resumePoint(last);
    }

    @Override
    void close();
}
