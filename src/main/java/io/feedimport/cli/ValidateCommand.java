package io.feedimport.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.read.InputException;
import io.feedimport.read.ReadAheadRecordReader;
import io.feedimport.read.RecordReader;
import io.feedimport.read.SourceRecord;
import io.feedimport.read.RecordReaders;
import io.feedimport.report.SkipEntry;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.RecordValidator;

/** {@code validate JOB.yml --file FILE}: a dry run that reads and validates, prints the skip report, imports nothing. */
final class ValidateCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "validate JOB.yml --file FILE          dry run: validate only, print the skip report, import nothing";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("file");
    }

    @Override
    public int run(Arguments arguments) {
        FeedAndFile input = FeedAndFile.of(arguments);
        FeedDefinition feed = input.feed();
        Path file = input.file();
        RecordValidator validator = new RecordValidator(feed);
        SkipReportPrinter report = new SkipReportPrinter(out);
        long read = 0;
        long skipped = 0;
        String failure = null;
        try (RecordReader reader = new ReadAheadRecordReader(RecordReaders.open(feed, file))) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                read++;
                CheckedRecord checked = validator.check(record);
                if (!checked.valid()) {
                    skipped++;
                    SkipEntry.of(0, feed.name(), checked).forEach(report::print);
                }
            }
        } catch (InputException e) {
            if (e.unreadable()) {
                throw e;
            }
            failure = e.getMessage();
        }
        boolean overLimit = feed.skipLimit().exceededAtEnd(skipped, read);
        out.printf(Locale.ROOT, "validated %s with feed %s: %,d read, %,d valid, %,d skipped (skip limit %s)%s%n",
                file, feed.name(), read, read - skipped, skipped, feed.skipLimit(),
                failure != null ? ", then the file broke" : overLimit ? ": OVER THE LIMIT" : "");
        if (failure != null) {
            err.println("feedimport: " + failure);
        }
        return failure == null && !overLimit ? ExitCode.OK : ExitCode.FAILED;
    }
}
