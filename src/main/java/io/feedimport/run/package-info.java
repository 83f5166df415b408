/**
 * Run: one import of one file, as a restartable Spring Batch job. A feed definition and a file come in; the job
 * reads, validates, records skips and publishes in chunks, then reconciles, and a {@link io.feedimport.report.RunSummary}
 * comes out. Progress is committed per chunk, so a killed run resumes from its last committed chunk.
 *
 * <p>The run's ledgers live here too: the runs ({@link io.feedimport.run.RunLedger}), the outcome of each record
 * ({@link io.feedimport.run.OutcomeLedger}) and their pruning ({@link io.feedimport.run.RunRetention});
 * {@link io.feedimport.run.RunConfiguration} wires them with the runner, recovery and the replay of parked records.
 */
package io.feedimport.run;
