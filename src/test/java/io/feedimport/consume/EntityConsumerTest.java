package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.mapping.RowMapper;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.EngineSchema;
import io.feedimport.store.EntityStore;
import io.feedimport.store.EntityTable;
import io.feedimport.store.OutcomeLedger;
import io.feedimport.store.SqlDialect;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class EntityConsumerTest {

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    EntityConsumer consumer;

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
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:entity-consumer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(h2);
        new EngineSchema(h2, SqlDialect.H2).create();
        new EntityTable(h2, SqlDialect.H2).ensure(feed);
        consumer = new EntityConsumer(new RowMapper(feed), new EntityStore(jdbc, feed), new OutcomeLedger(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(h2)));
    }

    @Test
    void aRedeliveredRecordIsStoredOnceAndCountedOnce() {
        assertThat(consumer.consume(message(1, "F-1", "Flat")).kind()).isEqualTo(Outcome.Kind.ACK);
        assertThat(consumer.consume(message(1, "F-1", "Flat")).kind()).isEqualTo(Outcome.Kind.ACK);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumer_flat", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome", String.class)).containsExactly("PERSISTED");
    }

    @Test
    void aRedeliveredRecordWhoseEntityWasLostIsStoredAgainButCountedOnce() {
        consumer.consume(message(1, "F-1", "Flat"));
        jdbc.update("DELETE FROM consumer_flat");

        assertThat(consumer.consume(message(1, "F-1", "Flat")).kind()).isEqualTo(Outcome.Kind.ACK);

        assertThat(jdbc.queryForObject("SELECT title FROM consumer_flat WHERE code = 'F-1'", String.class)).isEqualTo("Flat");
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome", String.class)).containsExactly("PERSISTED");
    }

    @Test
    void aValueTheTableCannotHoldIsParkedWithTheDatabaseReason() {
        jdbc.execute("ALTER TABLE consumer_flat ALTER COLUMN title VARCHAR(3)");

        Outcome outcome = consumer.consume(message(1, "F-1", "Too long"));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PARK);
        assertThat(outcome.reason()).containsIgnoringCase("too long");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_outcome", Long.class)).isZero();
    }

    private static RecordMessage message(long recordNumber, String code, String title) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        return new RecordMessage(1, "flats", recordNumber, 3, code, values);
    }
}
