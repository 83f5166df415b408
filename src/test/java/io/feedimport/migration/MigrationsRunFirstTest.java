package io.feedimport.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.feedimport.FeedImportApplication;
import io.feedimport.report.Rejections;
import io.feedimport.report.SkipReportStore;
import io.feedimport.run.ImportRunner;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.run.RunLedger;
import io.feedimport.run.RunRetention;
import io.feedimport.schedule.FeedLocks;
import io.feedimport.schedule.PickupLog;
import io.feedimport.source.FileLedger;
import io.feedimport.store.EntityTable;
import io.feedimport.transport.JdbcParkingLot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine as every command starts it: Boot's Flyway migration is a declared dependency of every bean that uses the
 * engine's tables, found by Boot itself (through the JdbcTemplate, the JobRepository, or
 * {@code @DependsOnDatabaseInitialization}), so no bean can reach a table before the migration made it.
 */
class MigrationsRunFirstTest {

    private static final List<Class<?>> TABLE_USERS = List.of(RunLedger.class, OutcomeLedger.class, RunRetention.class,
            SkipReportStore.class, Rejections.class, JdbcParkingLot.class, FileLedger.class, FeedLocks.class,
            PickupLog.class, FingerprintLedger.class, EntityTable.class, JobRepository.class, ImportRunner.class);

    @TempDir
    Path dataDir;

    @Test
    void everyBeanThatUsesTheEngineTablesDependsOnTheMigration() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedImportApplication.class)
                .web(WebApplicationType.NONE).registerShutdownHook(false)
                .run("--feedimport.data-dir=" + dataDir.toAbsolutePath())) {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();

            for (Class<?> type : TABLE_USERS) {
                for (String name : beans.getBeanNamesForType(type)) {
                    assertThat(dependencies(beans, name)).as(name).contains("flywayInitializer");
                }
            }
        }
    }

    /** Every bean that {@code name} waits for: its declared depends-on and what it was injected with, transitively. */
    private static Set<String> dependencies(ConfigurableListableBeanFactory beans, String name) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(name));
        while (!next.isEmpty()) {
            String bean = next.pop();
            Set<String> direct = new HashSet<>(List.of(beans.getDependenciesForBean(bean)));
            if (beans.containsBeanDefinition(bean) && beans.getBeanDefinition(bean).getDependsOn() != null) {
                direct.addAll(List.of(beans.getBeanDefinition(bean).getDependsOn()));
            }
            for (String dependency : direct) {
                if (seen.add(dependency)) {
                    next.push(dependency);
                }
            }
        }
        return seen;
    }
}
