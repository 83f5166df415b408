package io.feedimport.run;

import io.feedimport.monitoring.FeedMeters;
import io.feedimport.read.SourceRecord;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.RecordValidator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates the records of the read step and times validation once per chunk: the step reads a whole chunk, then
 * processes it, then writes it, so the time from the chunk's first record processed to its write is its validation.
 * Two clock readings per chunk instead of two per record keep the clock off the hot path.
 */
final class TimedValidation implements ItemProcessor<SourceRecord, CheckedRecord>, ItemWriteListener<CheckedRecord> {

    private final RecordValidator validator;
    private final FeedMeters meters;
    private long chunkStarted;
    private boolean timing;

    TimedValidation(RecordValidator validator, FeedMeters meters) {
        this.validator = validator;
        this.meters = meters;
    }

    @Override
    public CheckedRecord process(SourceRecord record) {
        if (!timing) {
            chunkStarted = System.nanoTime();
            timing = true;
        }
        return validator.check(record);
    }

    @Override
    public void beforeWrite(Chunk<? extends CheckedRecord> chunk) {
        if (timing) {
            meters.validated(System.nanoTime() - chunkStarted);
            timing = false;
        }
    }
}
