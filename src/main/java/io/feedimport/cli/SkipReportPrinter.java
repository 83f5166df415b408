package io.feedimport.cli;

import java.io.PrintStream;

import io.feedimport.report.SkipEntry;

/** Prints a skip report as lines for a terminal. */
final class SkipReportPrinter {

    private final PrintStream out;

    SkipReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(SkipEntry entry) {
        out.println(entry.toLine());
    }
}
