package io.feedimport.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.read.SourceRecord;
import io.feedimport.report.SkipReportStore;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RunLedger;
import io.feedimport.run.RunProgress;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.RecordValidator;
import io.feedimport.withdraw.ReadKeys;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chunk's records are published before the chunk writes anything of its own, and the chunk commits those writes
 * after its records were confirmed. While consumers work on its records, the chunk holds nothing in the database that
 * they could wait for.
 */
class PublishingItemWriterTest {

    @TempDir
    Path dir;

    JdbcDataSource h2;
    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;
    FeedDefinition feed;

    @BeforeEach
    void database() throws IOException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:publishing-writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        jdbc = new JdbcTemplate(h2);
        transactions = new DataSourceTransactionManager(h2);
        feed = new FeedDefinitionLoader().load(Files.writeString(dir.resolve("flats.yml"), """
                name: flats
                format: { type: xml, record: /flats/flat }
                fields:
                  id:    { path: "@id", type: string, required: true }
                  rooms: { path: rooms, type: integer }
                target: { table: flat, key: [id] }
                """));
    }

    @Test
    void whileAChunksRecordsArePublishedTheChunkHoldsNothingUncommittedAndItsSkipsCommitWithIt() {
        List<Long> uncommittedWhilePublishing = new ArrayList<>();
        RecordPublisher publisher = messages -> uncommittedWhilePublishing.add(jdbc.queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED", Long.class));
        PublishingItemWriter writer = new PublishingItemWriter(feed, publisher, new SkipReportStore(jdbc), new RunLedger(jdbc),
                RunProgress.NONE, () -> -1, 0, FeedMetrics.none().feed("flats"),
                new FingerprintLedger(jdbc, transactions), new OutcomeLedger(jdbc), true, ReadKeys.NONE, transactions);
        RecordValidator validator = new RecordValidator(feed);
        Chunk<CheckedRecord> chunk = new Chunk<>(List.of(validator.check(record(1, "F-1", "3")),
                validator.check(record(2, "F-2", "many")), validator.check(record(3, "F-3", "4"))));

        new TransactionTemplate(transactions).executeWithoutResult(status -> writer.write(chunk));

        assertThat(uncommittedWhilePublishing).as("uncommitted sessions while the chunk's records were published")
                .containsExactly(0L);
        assertThat(jdbc.queryForList("SELECT record_no FROM fi_skip", Long.class)).as("the invalid record, committed")
                .containsExactly(2L);
    }

    private static SourceRecord record(long number, String id, String rooms) {
        return new SourceRecord("flats.xml", number, (int) number + 1, 1, List.of("id", "rooms"), new String[] {id, rooms});
    }
}
