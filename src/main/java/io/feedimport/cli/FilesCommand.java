package io.feedimport.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.feedimport.source.FileEntry;
import io.feedimport.source.FileLedger;

/** {@code files FEED [--limit N]}: the files seen in a feed's drop folder, newest first, with state and run. */
final class FilesCommand implements Command {

    private final PrintStream out;

    FilesCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String usage() {
        return "files FEED [--limit N]                files seen for a feed: name, size, checksum, state, run";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("limit");
    }

    @Override
    public int run(Arguments arguments) {
        String feed = arguments.positional(0, "feed name");
        arguments.expectPositionals(1);
        int limit = (int) arguments.number("limit", 50, 1);
        try (EngineContext engine = EngineContext.start(arguments)) {
            List<FileEntry> files = engine.bean(FileLedger.class).recent(feed, limit);
            if (files.isEmpty()) {
                out.println("no files seen for feed " + feed);
                return ExitCode.OK;
            }
            out.printf(Locale.ROOT, "%-32s %12s  %-12s  %-10s %6s  %-19s  %s%n", "file", "bytes", "sha-256", "state", "run",
                    "seen (UTC)", "note");
            for (FileEntry file : files) {
                out.printf(Locale.ROOT, "%-32s %12d  %-12s  %-10s %6s  %-19s  %s%n", file.name(), file.size(),
                        file.checksum() == null ? "-" : file.checksum().substring(0, 12),
                        file.state().name().toLowerCase(Locale.ROOT), file.runId() == null ? "-" : file.runId(),
                        file.firstSeen().toString().substring(0, 19).replace('T', ' '),
                        file.reason() == null ? "" : file.reason());
            }
            return ExitCode.OK;
        }
    }
}
