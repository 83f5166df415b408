package io.feedimport.source;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.feedimport.feed.Feeds;
import io.feedimport.monitoring.TimeLimitedHealth;

import io.feedimport.run.EngineProperties;
import io.feedimport.run.ImportRunner;
import io.feedimport.source.FileLedger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the pick-up of files: the file ledger beside the runs, and a poller handing files to the import runner. */
@Configuration(proxyBeanMethods = false)
public class SourceConfiguration {

    @Bean
    FileLedger fileLedger(JdbcTemplate jdbc) {
        return new FileLedger(jdbc, Clock.systemUTC());
    }

    @Bean
    Poller poller(FileLedger ledger, ImportRunner runner, EngineProperties properties) {
        return new Poller(new DropFolders(System::getenv)::open, ledger, runner::run,
                Path.of(properties.dataDir()).resolve("incoming"));
    }

    /**
     * The FTP drop folders of the feeds the process was started with; each login and listing gets the health timeout,
     * and all of them together twice that plus a little, whatever the servers do.
     */
    @Bean
    TimeLimitedHealth ftpHealthIndicator(ObjectProvider<Feeds> feeds, @Value("${feedimport.health.timeout:3s}") Duration timeout) {
        Feeds watched = feeds.getIfAvailable(() -> Feeds.NONE);
        Duration overall = timeout.multipliedBy(2L * Math.max(1, watched.all().size())).plusSeconds(1);
        return new TimeLimitedHealth("ftp", new FtpHealth(watched, new DropFolders(System::getenv), timeout), overall);
    }
}
