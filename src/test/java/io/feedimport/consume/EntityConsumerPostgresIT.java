package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordMessage;
import io.feedimport.reference.FeedLookups;
import io.feedimport.reference.LookupCaches;
import io.feedimport.reference.ReferenceTable;
import io.feedimport.store.EntityTable;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.report.Rejections;
import io.feedimport.store.SqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumer of a feed with {@code delivery.timeout: 2s}, wired as every transport wires it, against the real
 * PostgreSQL on 127.0.0.1:5432, where rows are locked by other sessions: the timeout applies per record.
 */
class EntityConsumerPostgresIT {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String SCHEMA = "feedimport_consumer_it";
    static final double TIMEOUT_SECONDS = 2;

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    RecordConsumer consumer;
    Connection otherSession;
    HikariDataSource postgres;

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
                  agent: { path: agent, type: string, lookup: agents }
                target: { table: flat, key: [code] }
                lookups:
                  agents: { table: agent, key: ref, value: id, onMissing: create }
                delivery: { timeout: 2s }
                """);
        FeedDefinition feed = new FeedDefinitionLoader().load(yaml);
        // pooled, as in the product: a connection per lookup would measure PostgreSQL's connection set-up instead
        postgres = new HikariDataSource();
        postgres.setJdbcUrl(SERVER + "?currentSchema=" + SCHEMA);
        postgres.setUsername("postgres");
        postgres.setMaximumPoolSize(4);
        jdbc = new JdbcTemplate(postgres);
        EngineMigrations.migrate(postgres);
        OutcomeLedger ledger = new OutcomeLedger(jdbc);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(postgres);
        consumer = new EntityConsumers(jdbc, transactions, new EntityTable(postgres, SqlDialect.POSTGRESQL), ledger,
                new FingerprintLedger(jdbc, transactions), new Rejections(jdbc, new TransactionTemplate(transactions), ledger),
                new FeedLookups(new ReferenceTable(jdbc), LookupCaches::local), FeedMetrics.none()).forFeed(feed);
        jdbc.update("INSERT INTO fi_run (run_id, feed, file, fingerprint, status, read_count, skipped, published, persisted,"
                + " unchanged, outdated, parked, started_at, duration_ms) VALUES (1, 'flats', 'flats.xml', 'f', 'STARTED',"
                + " 0, 0, 0, 0, 0, 0, 0, CURRENT_TIMESTAMP, 0)");
    }

    @AfterEach
    void releaseLocks() throws Exception {
        if (otherSession != null) {
            otherSession.close();
        }
        postgres.close();
    }

    @Test
    void oneLockedRowCostsItsBatchOneTimeoutAndOnlyItsRecordIsRetried() throws Exception {
        assertThat(consumer.consume(List.of(message(1, "F-050", "Flat", "AG-1")))).containsExactly(Outcome.ack());
        // given another session holding F-050 in an open transaction, and a batch of 100 records that includes it
        otherSession = DriverManager.getConnection(SERVER + "?currentSchema=" + SCHEMA, "postgres", "");
        otherSession.setAutoCommit(false);
        otherSession.createStatement().execute("SELECT * FROM flat WHERE code = 'F-050' FOR UPDATE");
        List<RecordMessage> batch = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            batch.add(message(i + 1, String.format("F-%03d", i), i == 50 ? "Renovated" : "Flat", "AG-1"));
        }

        long started = System.nanoTime();
        List<Outcome> outcomes = consumer.consume(batch);
        double seconds = (System.nanoTime() - started) / 1e9;

        // then the batch took about one timeout, not one per halving, and only the locked record asks for a retry
        System.out.printf(Locale.ROOT, "EntityConsumerPostgresIT: a batch of 100 with one locked row took %.2f s"
                + " (delivery.timeout %.0f s)%n", seconds, TIMEOUT_SECONDS);
        assertThat(seconds).as("about one timeout").isLessThan(3 * TIMEOUT_SECONDS);
        assertThat(outcomes.get(49).kind()).isEqualTo(Outcome.Kind.RETRY);
        assertThat(outcomes.get(49).reason()).as("the retry says why")
                .startsWith("timed out after 2s (delivery.timeout), waiting for a lock or a slow database: ");
        assertThat(outcomes.stream().filter(o -> o.kind() == Outcome.Kind.ACK).count()).isEqualTo(99);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_outcome WHERE record_no > 1", Long.class))
                .as("the 99 others are stored and accounted for").isEqualTo(99);

        // and once the lock is gone, its retry passes
        otherSession.rollback();
        assertThat(consumer.consume(List.of(batch.get(49)))).containsExactly(Outcome.ack());
        assertThat(jdbc.queryForObject("SELECT title FROM flat WHERE code = 'F-050'", String.class)).isEqualTo("Renovated");
    }

    @Test
    void aLookupBlockedByAnotherSessionIsBoundedByTheTimeoutToo() throws Exception {
        assertThat(consumer.consume(List.of(message(1, "F-001", "Flat", "AG-1")))).containsExactly(Outcome.ack());
        // given another session creating agent AG-2 in a transaction it keeps open: creating it here must wait for it
        otherSession = DriverManager.getConnection(SERVER + "?currentSchema=" + SCHEMA, "postgres", "");
        otherSession.setAutoCommit(false);
        otherSession.createStatement().execute("INSERT INTO agent (ref) VALUES ('AG-2')");

        long started = System.nanoTime();
        List<Outcome> outcomes = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> consumer.consume(List.of(
                message(2, "F-002", "Flat", "AG-1"), message(3, "F-003", "Flat", "AG-2"), message(4, "F-004", "Flat", "AG-1"))));
        double seconds = (System.nanoTime() - started) / 1e9;

        // then the record waiting for its agent is retried after one timeout, and its neighbours are stored
        System.out.printf(Locale.ROOT, "EntityConsumerPostgresIT: a batch with one blocked lookup took %.2f s%n", seconds);
        assertThat(seconds).isLessThan(3 * TIMEOUT_SECONDS);
        assertThat(outcomes).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.ACK, Outcome.Kind.RETRY, Outcome.Kind.ACK);
        assertThat(outcomes.get(1).reason()).startsWith("timed out after 2s (delivery.timeout)");

        otherSession.commit();
        assertThat(consumer.consume(List.of(message(3, "F-003", "Flat", "AG-2")))).containsExactly(Outcome.ack());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flat", Long.class)).isEqualTo(4);
    }

    private static RecordMessage message(long recordNumber, String code, String title, String agent) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        values.put("agent", agent);
        return new RecordMessage(1, "flats", recordNumber, 3, code, values);
    }
}
