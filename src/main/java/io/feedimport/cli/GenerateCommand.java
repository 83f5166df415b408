package io.feedimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import io.feedimport.generate.ContactSheetGenerator;
import io.feedimport.generate.GeneratedFeed;
import io.feedimport.generate.OfferFeedGenerator;

/** {@code generate offers --records N [--invalid-percent P] --out FILE [--seed S]}: a realistic feed for demos and benchmarks. */
final class GenerateCommand implements Command {

    private final PrintStream out;

    GenerateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate offers|contacts --records N [--invalid-percent P] [--seed S] --out FILE   realistic feeds"
                + " (contacts: FILE.xlsx or FILE.xls)";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("records", "invalid-percent", "out", "seed");
    }

    @Override
    public int run(Arguments arguments) {
        String kind = arguments.positional(0, "kind of feed (offers)");
        arguments.expectPositionals(1);
        if (!kind.equals("offers") && !kind.equals("contacts")) {
            throw new UsageException("unknown feed kind '" + kind + "'; expected offers (XML) or contacts (XLSX or XLS)");
        }
        long records = arguments.number("records", 1000, 1);
        double invalidPercent = arguments.decimal("invalid-percent", 0, 0, 100);
        Path file = arguments.requiredPath("out");
        long seed = arguments.number("seed", 42, Long.MIN_VALUE);
        long started = System.nanoTime();
        try {
            GeneratedFeed feed = kind.equals("offers") ? new OfferFeedGenerator(seed).write(file, records, invalidPercent)
                    : new ContactSheetGenerator(seed).write(file, records, invalidPercent);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "wrote %s: %,d %s (%,d invalid), %.1f MB in %.1f s%n", file, feed.records(), kind,
                    feed.invalid(), feed.bytes() / 1e6, seconds);
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
