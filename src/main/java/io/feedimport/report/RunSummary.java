package io.feedimport.report;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.support.JsonCodec;

/**
 * The counts of a run. {@code unchanged} includes {@code outdated} records (older than what is stored) and
 * {@code skipped} includes {@code rejected} ones (valid to the feed's rules, refused by the database), so that
 * {@code read == skipped + persisted + unchanged + parked} is the whole account of a completed run. Counts cover the
 * whole run, across resumed attempts; {@code durationMs} is the time of the latest attempt.
 *
 * @param unchangedAtSource valid records the importer did not send, their content being the one last committed
 *                          (delta at the source); part of {@code unchanged}, and never of {@code published}
 */
public record RunSummary(long runId, String feed, String file, RunStatus status, long read, long skipped, long published,
                         long rejected, long persisted, long unchanged, long outdated, long unchangedAtSource, long parked,
                         long durationMs, OffsetDateTime startedAt, String message) {

    /** A summary of a run that sent every valid record. */
    public RunSummary(long runId, String feed, String file, RunStatus status, long read, long skipped, long published,
                      long rejected, long persisted, long unchanged, long outdated, long parked, long durationMs,
                      OffsetDateTime startedAt, String message) {
        this(runId, feed, file, status, read, skipped, published, rejected, persisted, unchanged, outdated, 0, parked,
                durationMs, startedAt, message);
    }

    public boolean reconciles() {
        return read == skipped + persisted + unchanged + parked
                && published + unchangedAtSource == read - skipped + rejected;
    }

    /** The status as people see it and the exit code follows it (see {@link RunVerdict}). */
    public RunVerdict verdict() {
        return RunVerdict.of(this);
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", runId);
        json.put("feed", feed);
        json.put("file", file);
        json.put("status", status.name());
        json.put("read", read);
        json.put("skipped", skipped);
        json.put("published", published);
        json.put("rejected", rejected);
        json.put("persisted", persisted);
        json.put("unchanged", unchanged);
        json.put("outdated", outdated);
        json.put("unchangedAtSource", unchangedAtSource);
        json.put("parked", parked);
        json.put("reconciled", reconciles());
        json.put("durationMs", durationMs);
        json.put("message", message);
        return JsonCodec.write(json);
    }

    public RunSummary withDuration(long newDurationMs) {
        return new RunSummary(runId, feed, file, status, read, skipped, published, rejected, persisted, unchanged, outdated,
                unchangedAtSource, parked, newDurationMs, startedAt, message);
    }

    public RunSummary withStatus(RunStatus newStatus, String newMessage) {
        return new RunSummary(runId, feed, file, newStatus, read, skipped, published, rejected, persisted, unchanged, outdated,
                unchangedAtSource, parked, durationMs, startedAt, newMessage);
    }
}
