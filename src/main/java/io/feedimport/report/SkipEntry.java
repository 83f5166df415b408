package io.feedimport.report;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.Violation;

/** One line of a skip report: which record of which run and file, where, and which rule its field broke. */
public record SkipEntry(long runId, String feed, String file, long recordNumber, int line, int column, String key,
                        String field, String rule, String value, String message) {

    /** One entry per violation of a skipped record. */
    public static List<SkipEntry> of(long runId, String feed, CheckedRecord record) {
        List<SkipEntry> entries = new ArrayList<>(record.violations().size());
        for (Violation violation : record.violations()) {
            entries.add(new SkipEntry(runId, feed, record.source().file(), record.source().number(), record.source().line(),
                    record.source().column(), record.key(), violation.field(), violation.rule(), violation.value(),
                    violation.message()));
        }
        return entries;
    }

    /** The entry as one line for a terminal. */
    public String toLine() {
        return file + ":" + line + ":" + column + ": record " + recordNumber + (key == null ? "" : " (" + key + ")")
                + ": " + field + " [" + rule + "]" + (value == null ? "" : " '" + value + "'") + ": " + message;
    }
}
