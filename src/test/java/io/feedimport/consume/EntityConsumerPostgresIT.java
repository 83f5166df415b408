package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.mapping.RowMapper;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.EngineSchema;
import io.feedimport.store.EntityStore;
import io.feedimport.store.EntityTable;
import io.feedimport.store.OutcomeLedger;
import io.feedimport.store.Rejections;
import io.feedimport.store.SqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The consumer against the real PostgreSQL on 127.0.0.1:5432, where locks are held by other sessions. */
class EntityConsumerPostgresIT {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "feedimport_consumer_it";

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    EntityConsumer consumer;
    Connection otherSession;

    @BeforeEach
    void freshSchema() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER, "postgres", ""); Statement sql = admin.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
        }
        Path yaml = dir.resolve("flats.yml");
        Files.writeString(yaml, """
                name: flats
                format: { type: xml, record: /feed/flat }
                fields:
                  code:  { path: "@code", type: string }
                  title: { path: title, type: string }
                target: { table: flat, key: [code] }
                """);
        FeedDefinition feed = new FeedDefinitionLoader().load(yaml);
        DriverManagerDataSource postgres = new DriverManagerDataSource(SERVER + "?currentSchema=" + SCHEMA, "postgres", "");
        jdbc = new JdbcTemplate(postgres);
        new EngineSchema(postgres, SqlDialect.POSTGRESQL).create();
        new EntityTable(postgres, SqlDialect.POSTGRESQL).ensure(feed);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(postgres));
        // the feed's delivery timeout, as EntityConsumers sets it: one second here
        transaction.setTimeout(1);
        OutcomeLedger ledger = new OutcomeLedger(jdbc);
        consumer = new EntityConsumer(new RowMapper(feed), new EntityStore(jdbc, feed), ledger,
                new Rejections(jdbc, new TransactionTemplate(new DataSourceTransactionManager(postgres)), ledger), transaction);
        jdbc.update("INSERT INTO fi_run (run_id, feed, file, fingerprint, status, read_count, skipped, published, persisted,"
                + " unchanged, outdated, parked, started_at, duration_ms) VALUES (1, 'flats', 'flats.xml', 'f', 'STARTED',"
                + " 0, 0, 0, 0, 0, 0, 0, CURRENT_TIMESTAMP, 0)");
    }

    @AfterEach
    void releaseLocks() throws Exception {
        if (otherSession != null) {
            otherSession.close();
        }
    }

    @Test
    void aRowLockedLongerThanTheTimeoutMakesOnlyItsRecordRetryAndItPassesOnceTheLockIsGone() throws Exception {
        assertThat(consumer.consume(List.of(message(1, "F-2", "Flat")))).containsExactly(Outcome.ack());
        // given another session holding F-2 in an open transaction
        otherSession = DriverManager.getConnection(SERVER + "?currentSchema=" + SCHEMA, "postgres", "");
        otherSession.setAutoCommit(false);
        otherSession.createStatement().execute("SELECT * FROM flat WHERE code = 'F-2' FOR UPDATE");

        long started = System.nanoTime();
        List<Outcome> outcomes = consumer.consume(List.of(message(2, "F-1", "Flat"), message(3, "F-2", "Renovated"),
                message(4, "F-3", "Flat"), message(5, "F-4", "Flat")));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(outcomes).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.ACK, Outcome.Kind.RETRY, Outcome.Kind.ACK, Outcome.Kind.ACK);
        assertThat(outcomes.get(1).reason()).as("the retry says why")
                .startsWith("timed out after 1s (delivery.timeout), waiting for a lock or a slow database: PSQLException");
        assertThat(seconds).as("one timeout per halving, not a wait for the lock").isLessThan(15);
        assertThat(jdbc.queryForList("SELECT record_no FROM fi_outcome ORDER BY record_no", Long.class))
                .containsExactly(1L, 2L, 4L, 5L);

        otherSession.rollback();
        assertThat(consumer.consume(List.of(message(3, "F-2", "Renovated")))).containsExactly(Outcome.ack());
        assertThat(jdbc.queryForObject("SELECT title FROM flat WHERE code = 'F-2'", String.class)).isEqualTo("Renovated");
    }

    private static RecordMessage message(long recordNumber, String code, String title) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        return new RecordMessage(1, "flats", recordNumber, 3, code, values);
    }
}
