package io.feedimport.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Parses on a thread of its own, a few small batches ahead of the caller, so parsing overlaps with validation and
 * publishing instead of waiting for them. Memory stays bounded: at most {@value #BATCHES} batches are buffered, each
 * of at most {@value #BATCH_SIZE} records and about {@value #BATCH_CHARS} characters of field text, so records with
 * huge descriptions cannot pile up. A parse failure (even an Error) reaches the caller after the records read before
 * it, exactly where the caller would have met it reading directly. How long each batch took to parse (not to wait
 * for room in the buffer) can be reported, one clock reading per batch rather than per record.
 */
public final class ReadAheadRecordReader implements RecordReader {

    static final int BATCH_SIZE = 256;
    static final int BATCHES = 4;
    static final int BATCH_CHARS = 1 << 20;

    /** @param marks where each record starts, as the delegate noted it (null entries when it cannot) */
    private record Batch(List<SourceRecord> records, List<RecordMark> marks, Throwable failure, boolean last) {
    }

    private final RecordReader delegate;
    private final LongConsumer batchParsed;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES);
    private Thread parser;
    private List<SourceRecord> current = List.of();
    private List<RecordMark> currentMarks = List.of();
    private int index;
    private RecordMark handedOut;
    private Throwable failure;
    private boolean ended;
    private long position;

    public ReadAheadRecordReader(RecordReader delegate) {
        this(delegate, nanos -> { });
    }

    /** @param batchParsed hears, on the parsing thread, the nanoseconds each batch took to parse */
    public ReadAheadRecordReader(RecordReader delegate, LongConsumer batchParsed) {
        this.delegate = delegate;
        this.batchParsed = batchParsed;
        this.position = delegate.position(); // a reader opened at a resume point has records before it
    }

    @Override
    public SourceRecord read() {
        if (parser == null) {
            parser = new Thread(this::parse, "feedimport-parser");
            parser.setDaemon(true);
            parser.start();
        }
        while (index >= current.size()) {
            if (failure != null) {
                Throwable pending = failure;
                failure = null;
                if (pending instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) pending;
            }
            if (ended) {
                return null;
            }
            Batch batch = take();
            current = batch.records();
            currentMarks = batch.marks();
            index = 0;
            failure = batch.failure();
            ended = batch.last();
        }
        position++;
        handedOut = currentMarks.get(index);
        return current.get(index++);
    }

    /** Skipping happens before the parser thread starts, on the caller's thread. */
    @Override
    public void skip(long records) {
        if (parser != null) {
            throw new IllegalStateException("records can only be skipped before the first read");
        }
        delegate.skip(records);
        position += records;
    }

    /** The mark of the last record handed out, not of the last one parsed, which is a few batches further. */
    @Override
    public RecordMark mark() {
        return handedOut;
    }

    @Override
    public ResumePoint resumePoint(RecordMark mark) {
        return delegate.resumePoint(mark);
    }

    /** As far as the parsing thread got, a few hundred records ahead of what was handed out. */
    @Override
    public long bytesRead() {
        return delegate.bytesRead();
    }

    @Override
    public long position() {
        return position;
    }

    private void parse() {
        List<SourceRecord> batch = new ArrayList<>(BATCH_SIZE);
        List<RecordMark> marks = new ArrayList<>(BATCH_SIZE);
        long chars = 0;
        long started = System.nanoTime();
        try {
            while (true) {
                SourceRecord record = delegate.read();
                if (record == null) {
                    if (!batch.isEmpty()) {
                        batchParsed.accept(System.nanoTime() - started);
                    }
                    queue.put(new Batch(batch, marks, null, true));
                    return;
                }
                batch.add(record);
                marks.add(delegate.mark());
                chars += textLength(record);
                if (batch.size() == BATCH_SIZE || chars >= BATCH_CHARS) {
                    batchParsed.accept(System.nanoTime() - started);
                    queue.put(new Batch(batch, marks, null, false));
                    batch = new ArrayList<>(BATCH_SIZE);
                    marks = new ArrayList<>(BATCH_SIZE);
                    chars = 0;
                    started = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(new Batch(batch, marks, e, true));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long textLength(SourceRecord record) {
        long length = 0;
        for (String value : record.values()) {
            if (value != null) {
                length += value.length();
            }
        }
        return length;
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the parser", e);
        }
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.interrupt();
            try {
                parser.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delegate.close();
    }
}
