package io.feedimport.review;

import io.feedimport.feed.Feeds;
import io.feedimport.publish.RecordMessage;
import io.feedimport.report.SensitiveValues;
import io.feedimport.report.SkippedRecord;
import io.feedimport.support.JsonCodec;
import io.feedimport.transport.ParkedRecord;

/**
 * Hides what the page, its API and CSV must not show of a record, by the {@link SensitiveValues} of its feed. The skip
 * report is stored already masked; it is masked again here for lines stored before it was and for rejections the
 * consumer wrote. Parked records keep every value in the store, since a replay sends them again, so they are masked
 * only here. When this process was started without a feed's definition (serve without {@code --jobs}), which fields
 * are sensitive is unknown, and every value of that feed's records is hidden; the run's page says so.
 */
final class ShownValues {

    private final Feeds feeds;

    ShownValues(Feeds feeds) {
        this.feeds = feeds;
    }

    boolean knows(String feed) {
        return feeds.named(feed).isPresent();
    }

    SkippedRecord line(SkippedRecord line) {
        return of(line.entry().feed()).line(line);
    }

    ParkedRecord parked(ParkedRecord record) {
        SensitiveValues sensitive = of(record.feed());
        RecordMessage message = JsonCodec.read(record.payload(), RecordMessage.class);
        RecordMessage shown = new RecordMessage(message.runId(), message.feed(), message.recordNumber(), message.line(),
                sensitive.key(message.key()), sensitive.values(message.values()));
        return new ParkedRecord(record.runId(), record.recordNumber(), record.feed(), record.line(), sensitive.key(record.key()),
                record.attempts(), sensitive.text(record.reason(), message.values()), JsonCodec.write(shown),
                record.parkedAt());
    }

    private SensitiveValues of(String feed) {
        return SensitiveValues.of(feeds.named(feed).orElse(null));
    }
}
