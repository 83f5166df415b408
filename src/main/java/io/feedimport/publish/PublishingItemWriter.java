package io.feedimport.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SensitiveValues;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.Violation;
import io.feedimport.withdraw.ReadKeys;
import io.feedimport.run.RecordItemReader;
import io.feedimport.run.RunProgress;
import io.feedimport.run.SkipLimitExceededException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of checked records: invalid ones into the skip report (in the chunk's transaction), valid ones whose
 * content changed since it was last stored (see {@link ChangedRecords}) as messages to the publisher, which returns
 * only when each is confirmed; the unchanged ones are counted in the run ledger, in the chunk's transaction. The chunk, and with it the reader's position,
 * commits after that, so no record can be counted as read without being accounted for. The chunk's records are
 * counted in the metrics when it commits, not before: a chunk rolled back is read again by the resumed run and
 * counted then, once.
 */
public final class PublishingItemWriter implements ItemWriter<CheckedRecord>, StepExecutionListener {

    private static final long SAMPLE_EVERY_NANOS = 1_000_000_000L;

    private final FeedDefinition feed;
    private final SensitiveValues sensitive;
    private final RecordPublisher publisher;
    private final SkipReportStore skipReport;
    private final RunProgress progress;
    private final RunLedger runs;
    private final java.util.function.LongSupplier bytesRead;
    private final long fileBytes;
    private final FeedMeters meters;
    private final ChangedRecords changes;
    private final ReadKeys readKeys;
    private final TransactionOperations outsideTheChunk;
    private long runId;
    private long skipped;
    private long notSent;
    private long lastSample;

    /**
     * @param bytesRead how far the reader got into the file (-1 when unknown)
     * @param fileBytes the file's size
     */
    public PublishingItemWriter(FeedDefinition feed, RecordPublisher publisher, SkipReportStore skipReport, RunLedger runs,
                         RunProgress progress, java.util.function.LongSupplier bytesRead, long fileBytes, FeedMeters meters,
                         FingerprintLedger fingerprints, OutcomeLedger outcomes, boolean compare, ReadKeys readKeys,
                         PlatformTransactionManager transactions) {
        this.feed = feed;
        this.sensitive = SensitiveValues.of(feed);
        this.publisher = publisher;
        this.skipReport = skipReport;
        this.runs = runs;
        this.progress = progress;
        this.bytesRead = bytesRead;
        this.fileBytes = fileBytes;
        this.meters = meters;
        this.changes = new ChangedRecords(feed, fingerprints, outcomes, compare);
        this.readKeys = readKeys;
        TransactionTemplate outside = new TransactionTemplate(transactions);
        outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.outsideTheChunk = outside;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        skipped = skipReport.skippedRecords(runId);
        // Spring Batch 6 saves the step's context after the chunk's transaction has committed (spring-batch#5199): a
        // kill between the two leaves the saved position behind what was stored, up to the whole file after the first
        // chunk. The run ledger moves inside the chunk's transaction, so the further of the two is where the file was
        // really left; the reader, opened after this, starts there (records are numbered from 1 without gaps).
        ExecutionContext context = stepExecution.getExecutionContext();
        RunSummary before = runs.find(runId).orElse(null);
        long committed = before == null ? 0 : before.read();
        notSent = before == null ? 0 : before.unchangedAtSource();
        long resumeAfter = Math.max(context.getLong(RecordItemReader.POSITION, 0L), committed);
        context.putLong(RecordItemReader.POSITION, resumeAfter);
        progress.started(runId, resumeAfter, fileBytes);
    }

    @Override
    public void write(Chunk<? extends CheckedRecord> chunk) {
        List<CheckedRecord> invalid = new ArrayList<>();
        List<CheckedRecord> valid = new ArrayList<>(chunk.size());
        for (CheckedRecord record : chunk) {
            (record.valid() ? valid : invalid).add(record);
        }
        for (int i = 0; i < invalid.size(); i++) {
            if (feed.skipLimit().exceededSoFar(skipped + i + 1)) {
                CheckedRecord breaking = invalid.get(i);
                throw new SkipLimitExceededException(breaking.source().file() + ": record " + breaking.source().number()
                        + " is invalid record number " + (skipped + i + 1) + ", over the feed's skip limit of "
                        + feed.skipLimit() + "; the run stops so a broken export does no damage");
            }
        }
        long at = bytesRead.getAsLong();
        if (at >= 0 && fileBytes > 0) {
            changes.remaining(1 - (double) at / fileBytes);
        }
        List<RecordMessage> messages = outsideTheChunk.execute(status -> changes.toSend(runId, valid));
        int unchanged = valid.size() - messages.size();
        if (!messages.isEmpty()) {
            long started = System.nanoTime();
            publisher.publish(messages);
            meters.confirmed(System.nanoTime() - started);
        }
        // the chunk's own writes come after its records were confirmed: until then the chunk holds no transaction in
        // the database, for consumers that wait on nothing of it. An embedded database killed mid-commit can leave rows
        // marked with a transaction number it hands out again; a consumer writing one waits for that transaction, and
        // if that were the chunk waiting for the consumer, both would wait out the lock timeout and fail the run
        skipReport.write(runId, feed.name(), sensitive, invalid);
        readKeys.read(runId, chunk.getItems());
        skipped += invalid.size();
        notSent += unchanged;
        int read = chunk.size();
        int published = messages.size();
        afterCommit(() -> count(read, published, unchanged, invalid));
        if (!chunk.isEmpty()) {
            long lastRecord = chunk.getItems().get(chunk.size() - 1).source().number();
            // a point a second is plenty for a chart, and costs nothing next to the chunk's own writes
            long now = System.nanoTime();
            boolean sample = lastSample == 0 || now - lastSample >= SAMPLE_EVERY_NANOS;
            if (sample) {
                lastSample = now;
            }
            runs.progress(runId, lastRecord, skipped, notSent, sample);
            progress.handedOver(runId, lastRecord, skipped, bytesRead.getAsLong());
        }
    }

    private void count(int read, int published, int unchanged, List<CheckedRecord> invalid) {
        meters.read(read);
        meters.published(published);
        if (unchanged > 0) {
            meters.unchanged(unchanged);
        }
        for (CheckedRecord record : invalid) {
            List<Violation> violations = record.violations();
            // a record is skipped once per rule it broke, however often it broke it (as the skip report groups it)
            Set<String> counted = violations.size() > 1 ? new HashSet<>() : null;
            for (Violation violation : violations) {
                if (counted == null || counted.add(violation.field() + '\u0000' + violation.rule())) {
                    meters.skipped(violation.field(), violation.rule());
                }
            }
        }
    }

    /** Runs once the chunk's transaction committed; at once when there is none (a writer driven by a test). */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** Invalid records of this run so far, including those of earlier attempts. */
    public long skipped() {
        return skipped;
    }
}
