package io.feedimport.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.feedimport.bench.BareOfferPass;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.read.ReadAheadRecordReader;
import io.feedimport.read.RecordReader;
import io.feedimport.read.ResumePoint;
import io.feedimport.read.XmlRecordReader;
import io.feedimport.validate.DryRun;

/**
 * {@code bench-parse JOB.yml --file FILE [--rounds N]}: times a bare Woodstox pass and the engine's read + validate
 * on the same file, alternating, and prints the best round of each. With {@code --resume-at N}: times what a run
 * resumed after record N does to get there, by parsing the records before it (as resumes did before byte offsets)
 * and by seeking. Used by scripts/bench.sh; not a user command.
 */
final class BenchParseCommand implements Command {

    private final PrintStream out;

    BenchParseCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "bench-parse";
    }

    @Override
    public String usage() {
        return "bench-parse JOB.yml --file FILE [--rounds N] [--resume-at N]";
    }

    @Override
    public java.util.Set<String> valueOptions() {
        return java.util.Set.of("file", "rounds", "resume-at");
    }

    @Override
    public int run(Arguments arguments) {
        FeedAndFile input = FeedAndFile.of(arguments);
        FeedDefinition feed = input.feed();
        Path file = input.file();
        long rounds = arguments.number("rounds", 3, 1);
        long resumeAt = arguments.number("resume-at", 0, 0);
        if (resumeAt > 0) {
            return resume(feed, file, resumeAt);
        }
        try {
            double mb = Files.size(file) / 1e6;
            double bestBare = 0;
            double bestEngine = 0;
            double bestSingle = 0;
            long records = 0;
            long skipped = 0;
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                records = BareOfferPass.run(file);
                bestBare = Math.max(bestBare, records / ((System.nanoTime() - start) / 1e9));
                start = System.nanoTime();
                skipped = engine(feed, new ReadAheadRecordReader(XmlRecordReader.open(feed, file)));
                bestEngine = Math.max(bestEngine, records / ((System.nanoTime() - start) / 1e9));
                start = System.nanoTime();
                engine(feed, XmlRecordReader.open(feed, file));
                bestSingle = Math.max(bestSingle, records / ((System.nanoTime() - start) / 1e9));
            }
            out.printf(Locale.ROOT, "parse  records=%d  file=%.1f MB  rounds=%d%n", records, mb, rounds);
            out.printf(Locale.ROOT, "parse  bare woodstox pass      %,10.0f records/s  %6.1f MB/s%n", bestBare, bestBare * mb / records);
            out.printf(Locale.ROOT, "parse  engine read+validate    %,10.0f records/s  %6.1f MB/s  (%d skipped)%n",
                    bestEngine, bestEngine * mb / records, skipped);
            out.printf(Locale.ROOT, "parse  engine / bare           %10.2f  (target >= 0.75)%n", bestEngine / bestBare);
            out.printf(Locale.ROOT, "parse  same on one thread      %,10.0f records/s  %6.1f MB/s  (%.2f of bare; the engine parses ahead on a second thread)%n",
                    bestSingle, bestSingle * mb / records, bestSingle / bestBare);
            out.printf(Locale.ROOT, "parse  peak heap used          %10.1f MB  (max heap %.0f MB)%n", peakHeapMb(),
                    Runtime.getRuntime().maxMemory() / 1e6);
            return ExitCode.OK;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e.getMessage(), e);
        }
    }

    /**
     * Finds the resume point of record {@code at} with a first pass, which also warms the parser up, then times both
     * ways to the record after it: the old one skips every record before by parsing, the new one seeks.
     */
    private int resume(FeedDefinition feed, Path file, long at) {
        ResumePoint point;
        try (RecordReader reader = XmlRecordReader.open(feed, file)) {
            reader.skip(at - 1);
            reader.read();
            point = reader.resumePoint();
        }
        long start = System.nanoTime();
        long next;
        try (RecordReader reader = XmlRecordReader.open(feed, file)) {
            reader.skip(at);
            next = reader.read().number();
        }
        double reparse = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        try (RecordReader reader = XmlRecordReader.resume(feed, file, point)) {
            reader.skip(1);
            next = Math.min(next, reader.read().number());
        }
        double seek = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "resume  to record %,d (record %,d at byte %,d): re-parsing the records before it %.2f s,"
                + " seeking %.3f s%n", next, at, point.offset(), reparse, seek);
        return ExitCode.OK;
    }

    /** The dry run's loop, as {@code validate} runs it: read and validate, nothing else. */
    private static long engine(FeedDefinition feed, RecordReader source) {
        return new DryRun(feed).over(source, skipped -> { }).skipped();
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
