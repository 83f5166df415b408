package io.feedimport.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.SkipEntry;
import io.feedimport.validate.DryRun;

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
        SkipReportPrinter report = new SkipReportPrinter(out);
        DryRun.Verdict verdict = new DryRun(feed).of(file, checked -> SkipEntry.of(0, feed.name(), checked).forEach(report::print));
        out.printf(Locale.ROOT, "validated %s with feed %s: %,d read, %,d valid, %,d skipped (skip limit %s)%s%n",
                file, feed.name(), verdict.read(), verdict.valid(), verdict.skipped(), feed.skipLimit(),
                verdict.failure() != null ? ", then the file broke" : verdict.overLimit() ? ": OVER THE LIMIT" : "");
        if (verdict.failure() != null) {
            err.println("feedimport: " + verdict.failure());
        }
        return verdict.passed() ? ExitCode.OK : ExitCode.FAILED;
    }
}
