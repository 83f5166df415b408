package io.feedimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

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
        return "generate offers --records N [--invalid-percent P] [--seed S] --out FILE   a realistic offers feed";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("records", "invalid-percent", "out", "seed");
    }

    @Override
    public int run(Arguments arguments) {
        String kind = arguments.positional(0, "kind of feed (offers)");
        arguments.expectPositionals(1);
        if (!kind.equals("offers")) {
            throw new UsageException("unknown feed kind '" + kind + "'; only offers can be generated");
        }
        long records = arguments.number("records", 1000, 1);
        double invalidPercent = arguments.decimal("invalid-percent", 0, 0, 100);
        Path file = arguments.requiredPath("out");
        long seed = arguments.number("seed", 42, Long.MIN_VALUE);
        long started = System.nanoTime();
        try {
            GeneratedFeed feed = new OfferFeedGenerator(seed).write(file, records, invalidPercent);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "wrote %s: %,d offers (%,d invalid), %.1f MB in %.1f s%n", file, feed.records(),
                    feed.invalid(), feed.bytes() / 1e6, seconds);
            return ExitCode.OK;
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
