package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.read.RecordReaders;
import io.feedimport.read.ResumePoint;
import io.feedimport.read.SourceRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The step's reader saves, with the count of records handed out, where the last of them starts; a resumed attempt
 * seeks there and hands out the records after the count, never one before it and never one skipped, even when the run
 * ledger counts more committed records than the saved context (spring-batch#5199).
 */
class RecordItemReaderTest {

    private static final Path FILE = Path.of("src/test/resources/feeds/small-offers.xml");
    private final FeedDefinition offers = new FeedDefinitionLoader().load(Path.of("jobs/offers-xml.yml"));
    private final List<String> seeks = new ArrayList<>();

    @Test
    void aResumedAttemptSeeksToTheSavedPointAndGoesOnAfterTheCount() {
        ExecutionContext context = firstAttemptReads(2);
        assertThat(ResumePoints.get(context).record()).isEqualTo(2);

        List<Long> rest = resumeWith(context);

        assertThat(seeks).containsExactly("record 2 at byte " + ResumePoints.get(context).offset());
        assertThat(rest).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aCountAheadOfTheSavedPointSkipsOnFromThePoint() {
        ExecutionContext context = firstAttemptReads(2);
        context.putLong(RecordItemReader.POSITION, 4); // raised to the ledger's committed count by the writer

        assertThat(resumeWith(context)).containsExactly(5L);
        assertThat(seeks).hasSize(1);
    }

    @Test
    void aPointAheadOfTheCountIsNotTrustedAndTheFileIsReadFromItsStart() {
        ExecutionContext context = firstAttemptReads(4);
        context.putLong(RecordItemReader.POSITION, 1);

        assertThat(resumeWith(context)).containsExactly(2L, 3L, 4L, 5L);
        assertThat(seeks).isEmpty();
    }

    @Test
    void aFirstAttemptHasNoPointAndAResumeAfterTheLastRecordReadsNothingMore() {
        assertThat(ResumePoints.get(new ExecutionContext())).isNull();
        ExecutionContext context = firstAttemptReads(5);

        assertThat(resumeWith(context)).isEmpty();
        assertThat(seeks).hasSize(1);
    }

    private ExecutionContext firstAttemptReads(int records) {
        ExecutionContext context = new ExecutionContext();
        RecordItemReader reader = reader();
        reader.open(context);
        for (int i = 0; i < records; i++) {
            reader.read();
        }
        reader.update(context);
        reader.close();
        seeks.clear();
        return context;
    }

    private List<Long> resumeWith(ExecutionContext context) {
        RecordItemReader reader = reader();
        reader.open(context);
        List<Long> numbers = new ArrayList<>();
        for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
            numbers.add(record.number());
        }
        reader.close();
        return numbers;
    }

    private RecordItemReader reader() {
        return new RecordItemReader((ResumePoint point) -> RecordReaders.open(offers, FILE, point), new RunProgress() {
            @Override
            public void resumedAt(long recordNumber, long byteOffset) {
                seeks.add("record " + recordNumber + " at byte " + byteOffset);
            }
        });
    }
}
