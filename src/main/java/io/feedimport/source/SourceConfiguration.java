package io.feedimport.source;

import java.nio.file.Path;
import java.time.Clock;

import io.feedimport.run.EngineProperties;
import io.feedimport.run.ImportRunner;
import io.feedimport.store.EngineSchema;
import io.feedimport.store.FileLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the pick-up of files: the file ledger beside the runs, and a poller handing files to the import runner. */
@Configuration(proxyBeanMethods = false)
public class SourceConfiguration {

    @Bean
    FileLedger fileLedger(JdbcTemplate jdbc, EngineSchema schema) {
        return new FileLedger(jdbc, Clock.systemUTC());
    }

    @Bean
    Poller poller(FileLedger ledger, ImportRunner runner, EngineProperties properties) {
        return new Poller(new DropFolders(System::getenv)::open, ledger, runner::run,
                Path.of(properties.dataDir()).resolve("incoming"));
    }
}
