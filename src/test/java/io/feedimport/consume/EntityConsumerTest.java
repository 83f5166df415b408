package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.Feeds;
import io.feedimport.mapping.RowMapper;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.QueueDepths;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.EntityStore;
import io.feedimport.store.EntityTable;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.report.Rejections;
import io.feedimport.store.SqlDialect;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class EntityConsumerTest {

    @TempDir
    Path dir;

    SwitchableDataSource database;
    JdbcTemplate jdbc;
    EntityConsumer consumer;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() throws IOException {
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
                new Rejections(jdbc, transaction, ledger), transaction,
                new FeedMetrics(registry, QueueDepths.NONE, Feeds.NONE).feed("flats"));
        jdbc.update("INSERT INTO fi_run (run_id, feed, file, fingerprint, status, read_count, skipped, published, persisted,"
                + " unchanged, outdated, parked, started_at, duration_ms) VALUES (1, 'flats', 'flats.xml', 'f', 'STARTED',"
                + " 0, 0, 0, 0, 0, 0, 0, CURRENT_TIMESTAMP, 0)");
    }

    @Test
    void aRedeliveredRecordIsStoredOnceAndCountedOnce() {
        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat")))).containsExactly(Outcome.ack());
        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat")))).containsExactly(Outcome.ack());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumer_flat", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome", String.class)).containsExactly("PERSISTED");
    }

    @Test
    void aRedeliveredRecordWhoseEntityWasLostIsStoredAgainButCountedOnce() {
        consumer.consume(List.of(message(1, "F-1", "Flat")));
        jdbc.update("DELETE FROM consumer_flat");

        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat")))).containsExactly(Outcome.ack());

        assertThat(jdbc.queryForObject("SELECT title FROM consumer_flat WHERE code = 'F-1'", String.class)).isEqualTo("Flat");
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome", String.class)).containsExactly("PERSISTED");
    }

    @Test
    void aBatchIsAppliedInOrderAndEachRecordGetsItsOwnOutcome() {
        List<Outcome> outcomes = consumer.consume(List.of(message(1, "F-1", "First"), message(2, "F-2", "Other"),
                message(3, "F-1", "Second"), message(4, "F-2", "Other")));

        assertThat(outcomes).containsOnly(Outcome.ack());
        assertThat(jdbc.queryForObject("SELECT title FROM consumer_flat WHERE code = 'F-1'", String.class)).isEqualTo("Second");
        assertThat(jdbc.queryForObject("SELECT fi_record_no FROM consumer_flat WHERE code = 'F-1'", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome ORDER BY record_no", String.class))
                .containsExactly("PERSISTED", "PERSISTED", "PERSISTED", "UNCHANGED");
    }

    @Test
    void aValueTheTableCannotHoldIsRejectedIntoTheSkipReportWhileItsBatchPasses() {
        jdbc.execute("ALTER TABLE consumer_flat ALTER COLUMN title VARCHAR(5)");

        List<Outcome> outcomes = consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Too long"),
                message(3, "F-3", "Flat")));

        assertThat(outcomes.get(0)).isEqualTo(Outcome.ack());
        assertThat(outcomes.get(1).kind()).isEqualTo(Outcome.Kind.REJECT);
        assertThat(outcomes.get(1).reason()).containsIgnoringCase("too long");
        assertThat(outcomes.get(2)).isEqualTo(Outcome.ack());
        assertThat(jdbc.queryForList("SELECT code FROM consumer_flat ORDER BY code", String.class)).containsExactly("F-1", "F-3");
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome ORDER BY record_no", String.class))
                .containsExactly("PERSISTED", "REJECTED", "PERSISTED");
        assertThat(jdbc.queryForMap("SELECT file, line, record_key, rule, message FROM fi_skip WHERE record_no = 2"))
                .containsEntry("FILE", "flats.xml").containsEntry("LINE", 3).containsEntry("RECORD_KEY", "F-2")
                .containsEntry("RULE", "constraint");
    }

    @Test
    void aRedeliveredRecordIsCountedOnceAndARecordFoundAsStoredIsCountedUnchanged() {
        consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Other")));
        consumer.consume(List.of(message(1, "F-1", "Flat")));
        consumer.consume(List.of(message(3, "F-2", "Other")));

        assertThat(count("feedimport.records.persisted")).isEqualTo(2);
        assertThat(count("feedimport.records.unchanged")).isEqualTo(1);
        assertThat(registry.get("feedimport.upsert").tag("feed", "flats").timer().count()).isEqualTo(3);
        assertThat(registry.get("feedimport.mapping").tag("feed", "flats").timer().count()).isEqualTo(3);
    }

    @Test
    void aRejectedRecordIsCountedAsSkippedByItsRuleOnceHoweverOftenItIsDelivered() {
        RecordMessage noKey = new RecordMessage(1, "flats", 9, 30, null, Map.of("title", "Flat"));

        consumer.consume(List.of(noKey));
        consumer.consume(List.of(noKey));

        assertThat(registry.get("feedimport.records.skipped").tags("feed", "flats", "rule", "mapping").counter().count())
                .isEqualTo(1);
        assertThat(count("feedimport.records.persisted")).isZero();
    }

    private double count(String counter) {
        return registry.get(counter).tag("feed", "flats").counter().count();
    }

    @Test
    void aRecordThatCannotBeMappedIsRejectedAndNeverStored() {
        RecordMessage noKey = new RecordMessage(1, "flats", 9, 30, null, Map.of("title", "Flat"));

        assertThat(consumer.consume(List.of(noKey))).extracting(Outcome::kind).containsExactly(Outcome.Kind.REJECT);

        assertThat(jdbc.queryForObject("SELECT rule FROM fi_skip WHERE record_no = 9", String.class)).isEqualTo("mapping");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumer_flat", Long.class)).isZero();
    }

    @Test
    void aRecordTheDatabaseKeepsRefusingForATransientReasonIsRetriedAloneWhileItsBatchPasses() {
        jdbc.execute("CREATE TRIGGER refuse_f2 BEFORE INSERT ON consumer_flat FOR EACH ROW CALL \""
                + RefuseF2.class.getName() + "\"");

        List<Outcome> outcomes = consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Flat"),
                message(3, "F-3", "Flat"), message(4, "F-4", "Flat")));

        assertThat(outcomes).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.ACK, Outcome.Kind.RETRY, Outcome.Kind.ACK, Outcome.Kind.ACK);
        assertThat(outcomes.get(1).reason()).contains("F-2 conflicts with a concurrent update");
        assertThat(jdbc.queryForList("SELECT code FROM consumer_flat ORDER BY code", String.class))
                .containsExactly("F-1", "F-3", "F-4");
        assertThat(jdbc.queryForList("SELECT record_no FROM fi_outcome ORDER BY record_no", Long.class)).containsExactly(1L, 3L, 4L);
    }

    /** Refuses row F-2 as PostgreSQL refuses a transaction that lost a serialization conflict. */
    public static final class RefuseF2 implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if ("F-2".equals(newRow[0])) {
                throw new SQLException("F-2 conflicts with a concurrent update", "40001");
            }
        }
    }

    @Test
    void aDatabaseThatIsDownFailsTheWholeBatchSoNoRecordSpendsAnAttempt() {
        database.down = true;

        assertThatThrownBy(() -> consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Flat"))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("database unavailable: Connection refused");

        database.down = false;
        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Flat"))))
                .containsExactly(Outcome.ack(), Outcome.ack());
    }

    @Test
    void aConnectionLostMidBatchIsAnOutageTooNotTheRecordsFault() {
        database.breakAfterConnecting = true;

        assertThatThrownBy(() -> consumer.consume(List.of(message(1, "F-1", "Flat"))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("An I/O error occurred while sending to the backend");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_outcome", Long.class)).isZero();
    }

    /** A database that can be made unreachable, as a stopped server or a cut network makes it. */
    static final class SwitchableDataSource extends DelegatingDataSource {

        volatile boolean down;
        volatile boolean breakAfterConnecting;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("Connection refused");
            }
            Connection connection = super.getConnection();
            if (breakAfterConnecting) {
                breakAfterConnecting = false;
                return brokenOnFirstStatement(connection);
            }
            return connection;
        }

        /** A connection whose socket dies once it is used, as PostgreSQL's driver reports it (SQL state 08006). */
        private static Connection brokenOnFirstStatement(Connection connection) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private static RecordMessage message(long recordNumber, String code, String title) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        return new RecordMessage(1, "flats", recordNumber, 3, code, values);
    }
}
