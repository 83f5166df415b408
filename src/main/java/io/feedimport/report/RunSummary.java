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
 * @param withdrawals       what a snapshot run withdraws ({@link Withdrawals#NONE} for a run that only upserts); shown
 *                          beside the records' account, not part of it: withdrawals are keys the file did not have
 */
public record RunSummary(long runId, String feed, String file, RunStatus status, long read, long skipped, long published,
                         long rejected, long persisted, long unchanged, long outdated, long unchangedAtSource, long parked,
                         long durationMs, OffsetDateTime startedAt, String message, Withdrawals withdrawals) {

    public RunSummary {
        withdrawals = withdrawals == null ? Withdrawals.NONE : withdrawals;
    }

    /** A summary of a run that withdraws nothing. */
    public RunSummary(long runId, String feed, String file, RunStatus status, long read, long skipped, long published,
                      long rejected, long persisted, long unchanged, long outdated, long unchangedAtSource, long parked,
                      long durationMs, OffsetDateTime startedAt, String message) {
        this(runId, feed, file, status, read, skipped, published, rejected, persisted, unchanged, outdated,
                unchangedAtSource, parked, durationMs, startedAt, message, Withdrawals.NONE);
    }

    /** A summary of a run that sent every valid record. */
    public RunSummary(long runId, String feed, String file, RunStatus status, long read, long skipped, long published,
                      long rejected, long persisted, long unchanged, long outdated, long parked, long durationMs,
                      OffsetDateTime startedAt, String message) {
        this(runId, feed, file, status, read, skipped, published, rejected, persisted, unchanged, outdated, 0, parked,
                durationMs, startedAt, message);
    }

    public boolean reconciles() {
        return read == skipped + persisted + unchanged + parked
                && published + unchangedAtSource == read - skipped + rejected && withdrawals.reconciles();
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
        if (withdrawals.state() != null) {
            json.put("snapshot", withdrawals.state().name());
            json.put("withdrawalsListed", withdrawals.listed());
            json.put("withdrawn", withdrawals.withdrawn());
            json.put("withdrawalsHeld", withdrawals.held());
            json.put("withdrawalsKept", withdrawals.kept());
            json.put("withdrawalsParked", withdrawals.parked());
        }
        json.put("reconciled", reconciles());
        json.put("durationMs", durationMs);
        json.put("message", message);
        return JsonCodec.write(json);
    }

    public RunSummary withDuration(long newDurationMs) {
        return new RunSummary(runId, feed, file, status, read, skipped, published, rejected, persisted, unchanged, outdated,
                unchangedAtSource, parked, newDurationMs, startedAt, message, withdrawals);
    }

    public RunSummary withStatus(RunStatus newStatus, String newMessage) {
        return new RunSummary(runId, feed, file, newStatus, read, skipped, published, rejected, persisted, unchanged, outdated,
                unchangedAtSource, parked, durationMs, startedAt, newMessage, withdrawals);
    }

    public RunSummary withWithdrawals(Withdrawals newWithdrawals) {
        return new RunSummary(runId, feed, file, status, read, skipped, published, rejected, persisted, unchanged, outdated,
                unchangedAtSource, parked, durationMs, startedAt, message, newWithdrawals);
    }
}
