package io.feedimport.run;

import io.feedimport.feed.SkipLimit;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import io.feedimport.publish.PublishingItemWriter;

/**
 * Decides, once the read step has committed everything it could, whether it failed after all: first because the
 * file broke mid-way (the parser's one-line error), else because the share of invalid records is over the feed's
 * skip limit, which can only be judged once the whole file is read.
 */
final class ReadStepVerdict implements StepExecutionListener {

    private final RecordItemReader reader;
    private final PublishingItemWriter writer;
    private final SkipLimit skipLimit;

    ReadStepVerdict(RecordItemReader reader, PublishingItemWriter writer, SkipLimit skipLimit) {
        this.reader = reader;
        this.writer = writer;
        this.skipLimit = skipLimit;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return stepExecution.getExitStatus();
        }
        RuntimeException failure = reader.failure();
        if (failure == null) {
            long read = stepExecution.getExecutionContext().getLong(RecordItemReader.POSITION, 0L);
            long skipped = writer.skipped();
            if (!skipLimit.exceededAtEnd(skipped, read)) {
                return stepExecution.getExitStatus();
            }
            failure = new SkipLimitExceededException("skipped " + skipped + " of " + read
                    + " records, over the feed's skip limit of " + skipLimit + "; the run is failed so a broken export does no damage");
        }
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.addFailureException(failure);
        return ExitStatus.FAILED.addExitDescription(failure.getMessage());
    }
}
