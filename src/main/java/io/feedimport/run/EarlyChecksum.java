package io.feedimport.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The SHA-256 of a file given to {@code run}, read on a thread of its own from the moment the command knows the file,
 * so that a new export's checksum is read while the engine starts rather than after. Used only if the file is the
 * same version when the run asks for it (see {@link FileChecksums}); a file whose checksum was remembered stops being
 * read.
 */
public final class EarlyChecksum {

    /** A checksum with the file's version just before and just after it was read, and when the reading began. */
    record Reading(Optional<FileChecksums.Version> before, long startedNanos, String checksum,
                   Optional<FileChecksums.Version> after) {

        static Reading of(Path file, String host, Clock clock, Function<Path, String> sha256) {
            return of(file, host, clock, sha256, before -> { });
        }

        /** @param started told the file's version as the reading begins */
        static Reading of(Path file, String host, Clock clock, Function<Path, String> sha256,
                          Consumer<Optional<FileChecksums.Version>> started) {
            long startedNanos = TimeUnit.MILLISECONDS.toNanos(clock.millis());
            Optional<FileChecksums.Version> before = FileChecksums.Version.of(host, file);
            started.accept(before);
            String checksum = sha256.apply(file);
            return new Reading(before, startedNanos, checksum, checksum == null ? Optional.empty()
                    : FileChecksums.Version.of(host, file));
        }

        /** Whether the file was one version throughout the reading, as far as its versions can be told. */
        boolean stoodStill() {
            return before.isPresent() && before.equals(after);
        }
    }

    private final CompletableFuture<Optional<FileChecksums.Version>> started = new CompletableFuture<>();
    private final CompletableFuture<Reading> reading = new CompletableFuture<>();
    private volatile boolean stopped;

    private EarlyChecksum() {
    }

    /** Starts reading {@code file}, which must be absolute and normalized as the run will name it. */
    public static EarlyChecksum start(Path file) {
        return start(file, RunOwner.current().host(), Clock.systemUTC());
    }

    static EarlyChecksum start(Path file, String host, Clock clock) {
        return start(file, host, clock, FileFingerprint::of);
    }

    /** @param sha256 reads a whole file to its checksum, or gives up with null once told to stop */
    static EarlyChecksum start(Path file, String host, Clock clock, BiFunction<Path, BooleanSupplier, String> sha256) {
        EarlyChecksum early = new EarlyChecksum();
        Thread thread = new Thread(() -> {
            try {
                early.reading.complete(Reading.of(file, host, clock, f -> sha256.apply(f, () -> early.stopped),
                        early.started::complete));
            } catch (Throwable e) {
                early.started.complete(Optional.empty());
                early.reading.completeExceptionally(e);
            }
        }, "feedimport-checksum");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    /** The file's version when the reading began, waiting only for the reading to begin; empty if none can be told. */
    Optional<FileChecksums.Version> versionAtStart() {
        return started.join();
    }

    /** Waits for the reading; throws what it threw. Null once stopped. */
    Reading await() {
        try {
            Reading done = reading.join();
            return done.checksum() == null ? null : done;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops reading: the checksum is known otherwise, or no longer wanted. */
    public void stop() {
        stopped = true;
    }
}
