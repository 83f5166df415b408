package io.feedimport.run;

import io.feedimport.read.ResumePoint;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Keeps an XML reader's {@link ResumePoint} in the read step's context, beside the count of records read, so that it
 * is saved by the same update and a resumed attempt can seek instead of parsing what was committed. Plain values
 * only: the context is serialized into the job repository.
 */
final class ResumePoints {

    private static final String PREFIX = "resume.";
    static final String RECORD = PREFIX + "record";
    static final String OFFSET = PREFIX + "offset";
    static final String LINE = PREFIX + "line";
    static final String COLUMN = PREFIX + "column";
    static final String ENCODING = PREFIX + "encoding";
    static final String ENCLOSING = PREFIX + "enclosing";

    private ResumePoints() {
    }

    static void put(ExecutionContext context, ResumePoint point) {
        context.putLong(RECORD, point.record());
        context.putLong(OFFSET, point.offset());
        context.putInt(LINE, point.line());
        context.putInt(COLUMN, point.column());
        context.putString(ENCODING, point.encoding());
        context.putString(ENCLOSING, point.enclosing());
    }

    /** @return the point saved, or null when there is none (a first attempt, a spreadsheet) */
    static ResumePoint get(ExecutionContext context) {
        if (!context.containsKey(RECORD) || !context.containsKey(ENCLOSING)) {
            return null;
        }
        return new ResumePoint(context.getLong(RECORD), context.getLong(OFFSET), context.getInt(LINE),
                context.getInt(COLUMN), context.getString(ENCODING), context.getString(ENCLOSING));
    }
}
