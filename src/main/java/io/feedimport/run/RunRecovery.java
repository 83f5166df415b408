package io.feedimport.run;

import io.feedimport.report.RunStatus;
import io.feedimport.run.RunLedger;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Marks a run failed by hand when the process that ran it is gone but cannot be seen to be gone: it ran on another
 * host, or in a container whose host name no longer exists. The next `run` of the same file then resumes it.
 */
public final class RunRecovery {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunLedger runs;

    public RunRecovery(JobRepository jobRepository, JobOperator jobOperator, RunLedger runs) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.runs = runs;
    }

    /** @return what was done, as one line for the user */
    public String markFailed(long runId) {
        JobInstance instance = jobRepository.getJobInstance(runId);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last == null) {
            throw new IllegalArgumentException("there is no run " + runId + " (see: feedimport runs)");
        }
        if (!last.isRunning()) {
            return "run " + runId + " is " + last.getStatus() + ", not in progress: nothing to recover";
        }
        RunOwner.parse(runs.owner(runId)).ifPresent(owner -> {
            if (!owner.isGoneFrom(RunOwner.current()) && owner.host().equals(RunOwner.current().host())) {
                throw new RunInProgressException("run " + runId + " is being imported by process " + owner.pid()
                        + ", which is alive; stop it first");
            }
        });
        jobOperator.recover(last);
        runs.markFailed(runId, "marked failed by `feedimport recover` after its process was lost");
        return "run " + runId + " marked " + RunStatus.FAILED + "; run the same command again to resume it";
    }
}
