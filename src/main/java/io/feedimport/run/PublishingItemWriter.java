package io.feedimport.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.ValueParser;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.store.RunLedger;
import io.feedimport.store.SkipReportStore;
import io.feedimport.validate.CheckedRecord;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of checked records: invalid ones into the skip report (in the chunk's transaction), valid ones as
 * messages to the publisher, which returns only when each is confirmed. The chunk, and with it the reader's position,
 * commits after that, so no record can be counted as read without being accounted for.
 */
final class PublishingItemWriter implements ItemWriter<CheckedRecord>, StepExecutionListener {

    private static final long SAMPLE_EVERY_NANOS = 1_000_000_000L;

    private final FeedDefinition feed;
    private final RecordPublisher publisher;
    private final SkipReportStore skipReport;
    private final RunProgress progress;
    private final RunLedger runs;
    private final int[] keyFields;
    private final java.util.function.LongSupplier bytesRead;
    private final long fileBytes;
    private long runId;
    private long skipped;
    private long lastSample;

    /**
     * @param bytesRead how far the reader got into the file (-1 when unknown)
     * @param fileBytes the file's size
     */
    PublishingItemWriter(FeedDefinition feed, RecordPublisher publisher, SkipReportStore skipReport, RunLedger runs,
                         RunProgress progress, java.util.function.LongSupplier bytesRead, long fileBytes) {
        this.feed = feed;
        this.publisher = publisher;
        this.skipReport = skipReport;
        this.runs = runs;
        this.progress = progress;
        this.keyFields = feed.target().key().stream().mapToInt(feed::indexOf).toArray();
        this.bytesRead = bytesRead;
        this.fileBytes = fileBytes;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        skipped = skipReport.skippedRecords(runId);
        progress.started(runId, stepExecution.getExecutionContext().getLong(RecordItemReader.POSITION, 0L), fileBytes);
    }

    @Override
    public void write(Chunk<? extends CheckedRecord> chunk) {
        List<CheckedRecord> invalid = new ArrayList<>();
        List<RecordMessage> messages = new ArrayList<>(chunk.size());
        for (CheckedRecord record : chunk) {
            if (record.valid()) {
                messages.add(message(record));
            } else {
                invalid.add(record);
            }
        }
        for (int i = 0; i < invalid.size(); i++) {
            if (feed.skipLimit().exceededSoFar(skipped + i + 1)) {
                CheckedRecord breaking = invalid.get(i);
                throw new SkipLimitExceededException(breaking.source().file() + ": record " + breaking.source().number()
                        + " is invalid record number " + (skipped + i + 1) + ", over the feed's skip limit of "
                        + feed.skipLimit() + "; the run stops so a broken export does no damage");
            }
        }
        skipReport.write(runId, feed.name(), invalid);
        publisher.publish(messages);
        skipped += invalid.size();
        if (!chunk.isEmpty()) {
            long lastRecord = chunk.getItems().get(chunk.size() - 1).source().number();
            // a point a second is plenty for a chart, and costs nothing next to the chunk's own writes
            long now = System.nanoTime();
            boolean sample = lastSample == 0 || now - lastSample >= SAMPLE_EVERY_NANOS;
            if (sample) {
                lastSample = now;
            }
            runs.progress(runId, lastRecord, skipped, sample);
            progress.handedOver(runId, lastRecord, skipped, bytesRead.getAsLong());
        }
    }

    private RecordMessage message(CheckedRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        Object[] typed = record.values();
        for (int i = 0; i < typed.length; i++) {
            if (typed[i] != null) {
                values.put(feed.fields().get(i).name(), ValueParser.canonical(typed[i]));
            }
        }
        return new RecordMessage(runId, feed.name(), record.source().number(), record.source().line(), key(typed), values);
    }

    /** The key as stored, not as written: {@code 007} and {@code 7} are one entity, so they must share a lane. */
    private String key(Object[] typed) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyFields.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            key.append(ValueParser.canonical(typed[keyFields[i]]));
        }
        return key.toString();
    }

    /** Invalid records of this run so far, including those of earlier attempts. */
    long skipped() {
        return skipped;
    }
}
