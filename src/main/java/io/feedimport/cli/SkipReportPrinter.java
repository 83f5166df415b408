package io.feedimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.feedimport.report.SkipEntry;

/** Prints a skip report as lines for a terminal, or writes it as CSV that is safe to open in a spreadsheet. */
final class SkipReportPrinter {

    private static final String HEADER = "run_id,feed,file,record,line,column,key,field,rule,value,message";

    private final PrintStream out;

    SkipReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(SkipEntry entry) {
        out.println(entry.toLine());
    }

    static void writeCsv(List<SkipEntry> entries, Path file) throws IOException {
        try (Writer csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            csv.write(HEADER + "\r\n");
            for (SkipEntry e : entries) {
                csv.write(String.join(",", cell(e.runId()), cell(e.feed()), cell(e.file()), cell(e.recordNumber()),
                        cell(e.line()), cell(e.column()), cell(e.key()), cell(e.field()), cell(e.rule()), cell(e.value()),
                        cell(e.message())) + "\r\n");
            }
        }
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
