package io.feedimport.run;

import java.nio.file.Path;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.run.RunLedger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Decides which run a command continues. A run is identified by feed, file path, file content and definition
 * (see {@link FileFingerprint}, {@link FileChecksums} and {@link FeedDefinition#identity()}). If the latest such run failed or was killed
 * it is resumed, if it completed a new run of the same file starts (records are then found unchanged), and if a live
 * process is running it, the command is refused.
 */
final class RunResolver {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunLedger runs;
    private final FileChecksums checksums;

    RunResolver(JobRepository jobRepository, JobOperator jobOperator, RunLedger runs, FileChecksums checksums) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.runs = runs;
        this.checksums = checksums;
    }

    JobParameters resolve(FeedDefinition feed, Path file, RunOwner here) {
        return resolve(feed, file, (EarlyChecksum) null, here);
    }

    /** @param early the checksum read while the engine started, or null */
    JobParameters resolve(FeedDefinition feed, Path file, EarlyChecksum early, RunOwner here) {
        return resolve(feed, file, checksums.of(file, early), here);
    }

    /** @param fingerprint the SHA-256 of the file's bytes in hex, when the caller computed it already (a download) */
    JobParameters resolve(FeedDefinition feed, Path file, String fingerprint, RunOwner here) {
        String definition = FileFingerprint.ofText(feed.identity());
        for (long attempt = 1; ; attempt++) {
            JobParameters parameters = new JobParametersBuilder()
                    .addString("feed", feed.name())
                    .addString("file", file.toString())
                    .addString("fingerprint", fingerprint)
                    .addString("definition", definition)
                    .addLong("attempt", attempt)
                    .toJobParameters();
            JobInstance instance = jobRepository.getJobInstance(ImportJobFactory.JOB_NAME, parameters);
            if (instance == null) {
                return parameters;
            }
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last == null) {
                return parameters;
            }
            BatchStatus status = last.getStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                continue;
            }
            if (status.isRunning() || status == BatchStatus.UNKNOWN) {
                recoverIfOrphaned(instance, last, here);
            }
            return parameters;
        }
    }

    /** An execution younger than this whose owner is not recorded yet is taken as starting, not as orphaned. */
    static final java.time.Duration REGISTRATION_GRACE = java.time.Duration.ofSeconds(30);

    private void recoverIfOrphaned(JobInstance instance, JobExecution last, RunOwner here) {
        long runId = instance.getInstanceId();
        RunOwner owner = RunOwner.parse(runs.owner(runId)).orElse(null);
        if (owner == null || owner.executionId() != last.getId()) {
            // the latest execution's process has not registered yet: it is starting now, or died while starting
            java.time.LocalDateTime created = last.getCreateTime();
            if (created != null && created.isAfter(java.time.LocalDateTime.now().minus(REGISTRATION_GRACE))) {
                throw new RunInProgressException("run " + runId + " of this file is being started by another command;"
                        + " not starting it twice (if that command is gone, try again in " + REGISTRATION_GRACE.toSeconds() + " s)");
            }
        } else if (!owner.isGoneFrom(here)) {
            throw new RunInProgressException("run " + runId + " of this file is being imported by process " + owner.pid()
                    + " on " + owner.host() + "; not starting it twice" + (owner.host().equals(here.host()) ? ""
                            : " (if that process is gone, mark the run failed with: feedimport recover " + runId + ")"));
        }
        jobOperator.recover(last);
    }
}
