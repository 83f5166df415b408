package io.feedimport.consume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.Feeds;
import io.feedimport.mapping.RowMapper;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.QueueDepths;
import io.feedimport.publish.RecordMessage;
import io.feedimport.report.Rejections;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.store.EntityStore;
import io.feedimport.store.EntityTable;
import io.feedimport.store.SqlDialect;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the consumer tests store into: an in-memory H2 database with the engine's tables, the table of a small feed
 * (flats: a code of at most 5 characters as key, and a title) and its run 1 started, and the feed's consumer.
 */
final class FlatsDatabase {

    final SwitchableDataSource database;
    final JdbcTemplate jdbc;
    final EntityConsumer consumer;

    FlatsDatabase(Path dir, SimpleMeterRegistry registry) throws IOException {
        Path yaml = dir.resolve("flats.yml");
        Files.writeString(yaml, """
                name: flats
                format: { type: xml, record: /feed/flat }
                fields:
                  code:  { path: "@code", type: string, maxLength: 5 }
                  title: { path: title, type: string }
                target: { table: consumer_flat, key: [code] }
                """);
        FeedDefinition feed = new FeedDefinitionLoader().load(yaml);
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:entity-consumer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database = new SwitchableDataSource(memory);
        DataSource h2 = database;
        jdbc = new JdbcTemplate(h2);
        EngineMigrations.migrate(h2);
        new EntityTable(h2, SqlDialect.H2).ensure(feed);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
        OutcomeLedger ledger = new OutcomeLedger(jdbc);
        consumer = new EntityConsumer(new RowMapper(feed), new EntityStore(jdbc, feed), ledger,
                new FingerprintLedger(jdbc, new DataSourceTransactionManager(h2)), new Rejections(jdbc, transaction, ledger), transaction,
                new FeedMetrics(registry, QueueDepths.NONE, Feeds.NONE).feed("flats"));
        jdbc.update("INSERT INTO fi_run (run_id, feed, file, fingerprint, status, read_count, skipped, published, persisted,"
                + " unchanged, outdated, parked, started_at, duration_ms) VALUES (1, 'flats', 'flats.xml', 'f', 'STARTED',"
                + " 0, 0, 0, 0, 0, 0, 0, CURRENT_TIMESTAMP, 0)");
    }

    static RecordMessage message(long recordNumber, String code, String title) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        return new RecordMessage(1, "flats", recordNumber, 3, code, values);
    }
}
