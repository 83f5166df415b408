package io.feedimport.run;

import java.util.function.Supplier;

import io.feedimport.read.InputException;
import io.feedimport.read.RecordReader;
import io.feedimport.read.SourceRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Adapts a {@link RecordReader} to the step: remembers how many records were handed out, so a resumed run skips
 * exactly those, and turns a file that breaks mid-way into the end of input, remembering the failure for
 * {@link ReadStepVerdict}. That way the records read before the break are still written and committed, and the run
 * fails with the parser's one-line error.
 */
public final class RecordItemReader implements ItemStreamReader<SourceRecord> {

    public static final String POSITION = "records.read";

    private final Supplier<RecordReader> opener;
    private volatile RecordReader reader;
    private long delivered;
    private InputException failure;

    RecordItemReader(Supplier<RecordReader> opener) {
        this.opener = opener;
    }

    @Override
    public void open(ExecutionContext context) {
        delivered = context.getLong(POSITION, 0L);
        reader = opener.get();
        reader.skip(delivered);
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

    @Override
    public void update(ExecutionContext context) {
        context.putLong(POSITION, delivered);
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
