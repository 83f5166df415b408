package io.feedimport.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a skip report as CSV that is safe to open in a spreadsheet: one row per violation, then the record's values
 * as read, one {@code record.FIELD} column each. Rows are written as they come, so a report of any size streams.
 */
public final class SkipReportCsv {

    static final String HEADER = "run_id,feed,file,record,line,column,key,field,rule,value,message";

    private final Writer out;
    private List<String> fields;

    public SkipReportCsv(Writer out) {
        this.out = out;
    }

    /** Writes one line; the first decides the record columns (every record of a run has the same fields). */
    public void write(SkippedRecord line) {
        try {
            if (fields == null) {
                fields = new ArrayList<>(line.values().keySet());
                out.write(header() + "\r\n");
            }
            SkipEntry e = line.entry();
            List<String> cells = new ArrayList<>(List.of(cell(e.runId()), cell(e.feed()), cell(e.file()),
                    cell(e.recordNumber()), cell(e.line()), cell(e.column()), cell(e.key()), cell(e.field()), cell(e.rule()),
                    cell(e.value()), cell(e.message())));
            fields.forEach(field -> cells.add(cell(line.values().get(field))));
            out.write(String.join(",", cells) + "\r\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Ends the report: a report without any line still gets its header. */
    public void finish() {
        try {
            if (fields == null) {
                fields = List.of();
                out.write(header() + "\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String header() {
        StringBuilder header = new StringBuilder(HEADER);
        fields.forEach(field -> header.append(",record.").append(field));
        return header.toString();
    }

    /** Quotes a cell, and defuses text a spreadsheet would run as a formula (feeds are outside input). */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r\0".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
