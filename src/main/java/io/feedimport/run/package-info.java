/**
 * Run: one import of one file, as a restartable Spring Batch job. A feed definition and a file come in; the job
 * reads, validates, records skips and publishes in chunks, then reconciles, and a {@link
 * io.feedimport.report.RunSummary}
 * comes out. Progress is committed per chunk, so a killed run resumes from its last committed chunk.
 *
 * <p>The run's ledgers live here too: the runs ({@link io.feedimport.run.RunLedger}), the outcome of each record
 * ({@link io.feedimport.run.OutcomeLedger}) and their pruning ({@link io.feedimport.run.RunRetention});
 * {@link io.feedimport.run.RunConfiguration} wires them with the runner and recovery. What a run needs of the target
 * table it asks through {@link io.feedimport.run.TargetTables}, which {@code store} implements. After a command's
 * runs, {@link io.feedimport.run.EmbeddedCompaction} rewrites the embedded database when they left it mostly garbage.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.read}: a run is the Spring Batch job that drives the first stages over one file: it opens
 * the feed's reader;</li>
 * <li>{@code io.feedimport.validate}: it validates each record it reads;</li>
 * <li>{@code io.feedimport.report}: it writes the skip report and ends with a {@link
 * io.feedimport.report.RunSummary},
 * the counts every caller prints;</li>
 * <li>{@code io.feedimport.delta}: it gives the publishing step the fingerprint ledger, against which that step
 * leaves unchanged records unsent;</li>
 * <li>{@code io.feedimport.publish}: it hands each chunk to the publishing step, which publishes through the
 * configured transport;</li>
 * <li>{@code io.feedimport.withdraw}: a snapshot run ends with a step that withdraws what its file lacked, or holds
 * the withdrawals, and {@link io.feedimport.run.HeldRuns} releases or discards what was held.</li>
 * </ul>
 */
package io.feedimport.run;
