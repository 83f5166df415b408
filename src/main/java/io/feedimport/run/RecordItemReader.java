package io.feedimport.run;

import java.util.function.Function;

import io.feedimport.read.InputException;
import io.feedimport.read.RecordReader;
import io.feedimport.read.ResumePoint;
import io.feedimport.read.SourceRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Adapts a {@link RecordReader} to the step: remembers how many records were handed out, so a resumed run skips
 * exactly those, and where the last of them starts in the file, so it can seek there instead of parsing every record
 * before it (XML; a spreadsheet skips its rows). It also turns a file that breaks mid-way into the end of input,
 * remembering the failure for {@link ReadStepVerdict}. That way the records read before the break are still written and committed, and the run
 * fails with the parser's one-line error.
 */
public final class RecordItemReader implements ItemStreamReader<SourceRecord> {

    public static final String POSITION = "records.read";

    private final Function<ResumePoint, RecordReader> opener;
    private final RunProgress progress;
    private volatile RecordReader reader;
    private long delivered;
    private InputException failure;

    /** @param opener opens the file at a resume point, or at its start given null */
    RecordItemReader(Function<ResumePoint, RecordReader> opener, RunProgress progress) {
        this.opener = opener;
        this.progress = progress;
    }

    /**
     * Goes past the records committed so far. The count may be ahead of the saved point, never behind it: both are
     * saved by one update, after the chunk commits, and the writer has since raised the count to what the run ledger
     * says was committed (a kill between the commit and the save, spring-batch#5199). The point's own record was
     * committed, so the reader seeks to it and skips from there up to the count, parsing only the records in between:
     * one when the context was saved, more when the ledger is ahead of it.
     */
    @Override
    public void open(ExecutionContext context) {
        delivered = context.getLong(POSITION, 0L);
        ResumePoint point = ResumePoints.get(context);
        if (point != null && point.record() >= 1 && point.record() <= delivered) {
            reader = opener.apply(point);
            progress.resumedAt(point.record(), point.offset());
        } else {
            reader = opener.apply(null);
        }
        reader.skip(delivered - reader.position());
    }

    @Override
    public SourceRecord read() {
        if (failure != null) {
            return null;
        }
        try {
            SourceRecord record = reader.read();
            if (record != null) {
                delivered++;
            }
            return record;
        } catch (InputException e) {
            failure = e;
            return null;
        }
    }

    /** A reader with no point (a spreadsheet, nothing read yet since a resume) leaves the last one saved, still valid. */
    @Override
    public void update(ExecutionContext context) {
        context.putLong(POSITION, delivered);
        ResumePoint point = reader == null ? null : reader.resumePoint();
        if (point != null) {
            ResumePoints.put(context, point);
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Bytes of the file consumed so far, or -1 when unknown (not open, or a reader that cannot tell). */
    long bytesRead() {
        RecordReader open = reader;
        return open == null ? -1 : open.bytesRead();
    }

    /** Why the file stopped being readable, or null when it was read to its end. */
    InputException failure() {
        return failure;
    }
}
