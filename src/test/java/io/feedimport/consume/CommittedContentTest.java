package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.StoreResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** What a consumer's commit leaves in the fingerprint ledger, which decides what the next export sends. */
class CommittedContentTest {

    private static final String FEED = """
            name: flats
            format: { type: xml, record: /flats/flat }
            fields:
              id:    { path: "@id", type: string, required: true }
              title: { path: title, type: string }
            target: { table: flat, key: [id] }
            """;

    @TempDir
    Path dir;

    FingerprintLedger ledger;
    FeedDefinition feed;
    ContentFingerprints importer;

    @BeforeEach
    void ledger() throws IOException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:committed-content-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        ledger = new FingerprintLedger(new JdbcTemplate(h2), new DataSourceTransactionManager(h2));
        feed = load(FEED);
        importer = new ContentFingerprints(feed);
    }

    @Test
    void storedOrFoundAsStoredTheImportersFingerprintIsRememberedAndAnOutdatedOneIsNot() {
        RecordMessage inserted = message("F-1", "a", true);
        RecordMessage unchanged = message("F-2", "b", true);
        RecordMessage outdated = message("F-3", "c", true);

        new CommittedContent(feed, ledger).committed(List.of(inserted, unchanged, outdated),
                List.of(StoreResult.INSERTED, StoreResult.UNCHANGED, StoreResult.OUTDATED));

        assertThat(stored("F-1", "F-2", "F-3")).containsOnlyKeys(importer.key("F-1"), importer.key("F-2"))
                .containsEntry(importer.key("F-1"), inserted.fingerprint());
    }

    @Test
    void aRecordStoredWithoutAFingerprintForgetsItsKeysOldOne() {
        remember(message("F-1", "old", true));

        new CommittedContent(feed, ledger).committed(List.of(message("F-1", "replayed", false)),
                List.of(StoreResult.UPDATED));

        assertThat(stored("F-1")).as("the next record of F-1 is sent, whatever it says").isEmpty();
    }

    @Test
    void aWorkerWithAnotherDefinitionDoesNotVouchForTheImportersFingerprint() throws IOException {
        FeedDefinition older = load(FEED.replace("path: title", "path: name"));

        new CommittedContent(older, ledger).committed(List.of(message("F-1", "a", true)), List.of(StoreResult.INSERTED));

        assertThat(stored("F-1")).isEmpty();
    }

    @Test
    void aRowLeftToBeStoredAloneChangesNothingYet() {
        new CommittedContent(feed, ledger).committed(List.of(message("F-1", "a", true)), java.util.Collections.singletonList(null));

        assertThat(stored("F-1")).isEmpty();
    }

    private Map<String, String> stored(String... ids) {
        return ledger.stored(java.util.Arrays.stream(ids).map(importer::key).toList());
    }

    private void remember(RecordMessage message) {
        ledger.remember(List.of(new FingerprintLedger.Committed(importer.key(message.key()), "flats", message.fingerprint(),
                message.runId())));
    }

    private RecordMessage message(String id, String title, boolean withFingerprint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("title", title);
        return new RecordMessage(1, "flats", 1, 1, id, values, withFingerprint ? importer.content(values) : null);
    }

    private FeedDefinition load(String yaml) throws IOException {
        return new FeedDefinitionLoader().load(Files.writeString(dir.resolve("flats-" + System.nanoTime() + ".yml"), yaml));
    }
}
