package io.feedimport.consume;

import io.feedimport.monitoring.FeedMeters;
import io.feedimport.publish.RecordMessage;
import io.feedimport.report.Rejections;
import org.springframework.dao.DataAccessException;

/**
 * Records a record that can never be stored as it is (a value the mapping or the table refuses) in the skip report,
 * counted once; when even that fails, the record is retried rather than lost, and an outage fails the batch.
 */
final class Rejecter {

    private final Rejections rejections;
    private final FeedMeters meters;

    Rejecter(Rejections rejections, FeedMeters meters) {
        this.rejections = rejections;
        this.meters = meters;
    }

    Outcome reject(RecordMessage message, String rule, String field, String value, String reason) {
        try {
            if (rejections.reject(message, rule, field, value, reason)) {
                meters.skipped(field, rule);
            }
            return Outcome.reject(reason);
        } catch (DataAccessException e) {
            if (DatabaseUnavailableException.isOutage(e)) {
                throw new DatabaseUnavailableException(e);
            }
            return Outcome.retry("cannot record the rejection (" + reason + "): " + StoreFailures.firstLine(e));
        }
    }
}
