package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.run.RunLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Which run a command continues when the latest one looks unfinished: starting, owned by a live process, or orphaned. */
class RunResolverIT {

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static JobRepository jobRepository;
    static RunResolver resolver;
    static RunLedger runs;

    final FeedDefinition offers = new FeedDefinitionLoader().load(Path.of("jobs/offers-xml.yml"));

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.NONE)
                .run("--feedimport.data-dir=" + data);
        jobRepository = context.getBean(JobRepository.class);
        runs = context.getBean(RunLedger.class);
        resolver = new RunResolver(jobRepository, context.getBean(JobOperator.class), runs,
                new FileChecksums(context.getBean(JdbcTemplate.class), java.time.Clock.systemUTC(), "here"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aRunWhoseProcessHasNotRegisteredYetIsTakenAsStartingForAWhileThenAsOrphaned() throws Exception {
        Path file = Files.copy(Path.of("sample-feeds/offers.xml"), data.resolve("starting.xml"));
        JobExecution execution = unfinishedExecution(file);

        assertThatThrownBy(() -> resolver.resolve(offers, file, RunOwner.current()))
                .isInstanceOf(RunInProgressException.class)
                .hasMessageContaining("is being started by another command");

        execution.setCreateTime(LocalDateTime.now().minus(RunResolver.REGISTRATION_GRACE).minusSeconds(1));
        jobRepository.update(execution);
        JobParameters resumed = resolver.resolve(offers, file, RunOwner.current());

        assertThat(resumed).isEqualTo(execution.getJobParameters());
        assertThat(jobRepository.getLastJobExecution(execution.getJobInstance()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aRunOwnedByThisLiveProcessIsNotStartedTwice() throws Exception {
        Path file = Files.copy(Path.of("sample-feeds/offers.xml"), data.resolve("owned.xml"));
        JobExecution execution = unfinishedExecution(file);
        long runId = execution.getJobInstance().getInstanceId();
        runs.started(runId, "offers", file.toString(), "f", RunOwner.current().of(execution.getId()).toString(),
                java.time.OffsetDateTime.now());

        assertThatThrownBy(() -> resolver.resolve(offers, file, RunOwner.current()))
                .isInstanceOf(RunInProgressException.class)
                .hasMessageContaining("run " + runId + " of this file is being imported by process " + ProcessHandle.current().pid());
    }

    private JobExecution unfinishedExecution(Path file) {
        JobParameters parameters = resolver.resolve(offers, file, RunOwner.current());
        JobInstance instance = jobRepository.createJobInstance(ImportJobFactory.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        jobRepository.update(execution);
        return execution;
    }
}
