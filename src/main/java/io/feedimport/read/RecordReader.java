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

    @Override
    void close();
}
