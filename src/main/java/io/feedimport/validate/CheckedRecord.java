package io.feedimport.validate;

import java.util.List;

import io.feedimport.read.SourceRecord;

/**
 * A record after validation. Valid records carry their typed values (Long, BigDecimal, Boolean, LocalDate,
 * OffsetDateTime in UTC, String), in the order of the feed's fields; turning them into text is the publisher's job.
 */
public record CheckedRecord(SourceRecord source, String key, Object[] values, List<Violation> violations) {

    public CheckedRecord {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
