package io.feedimport.report;

import java.util.Map;

/**
 * A line of the skip report as a reviewer sees it: the violation, and the record's values as read from the file
 * (in the feed's field order; empty for lines written before the values were kept, or refused by the database).
 */
public record SkippedRecord(SkipEntry entry, Map<String, String> values) {

    public SkippedRecord {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
