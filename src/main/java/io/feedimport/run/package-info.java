/**
 * Run: one import of one file, as a restartable Spring Batch job. A feed definition and a file come in; the job
 * reads, validates, records skips and publishes in chunks, then reconciles, and a {@link io.feedimport.report.RunSummary}
 * comes out. Progress is committed per chunk, so a killed run resumes from its last committed chunk.
 */
package io.feedimport.run;
