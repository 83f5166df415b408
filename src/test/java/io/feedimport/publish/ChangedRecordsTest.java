package io.feedimport.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.read.SourceRecord;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;
import io.feedimport.validate.CheckedRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Which of a chunk's records travel, against the fingerprints a consumer committed. */
class ChangedRecordsTest {

    static final long LAST_NIGHT = 1;
    static final long TONIGHT = 2;

    @TempDir
    Path dir;

    FeedDefinition feed;
    FingerprintLedger fingerprints;
    OutcomeLedger outcomes;
    ContentFingerprints content;

    @BeforeEach
    void ledgers() throws IOException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:changed-records-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        fingerprints = new FingerprintLedger(jdbc, new DataSourceTransactionManager(h2));
        outcomes = new OutcomeLedger(jdbc);
        feed = new FeedDefinitionLoader().load(Files.writeString(dir.resolve("flats.yml"), """
                name: flats
                format: { type: xml, record: /flats/flat }
                fields:
                  id:    { path: "@id", type: string, required: true }
                  title: { path: title, type: string }
                target: { table: flat, key: [id] }
                """));
        content = new ContentFingerprints(feed);
    }

    @Test
    void aRecordAsLastCommittedStaysAndAChangedOrNewOneTravels() {
        committed(message(1, "F-1", "same"), message(2, "F-2", "old"));

        List<RecordMessage> sent = changes(true).toSend(TONIGHT, records(message(3, "F-1", "same"), message(4, "F-2", "new"),
                message(5, "F-3", "first")));

        assertThat(sent).extracting(RecordMessage::key).containsExactly("F-2", "F-3");
    }

    @Test
    void aKeySentIsPendingSoNoLaterChunkOrRunTakesItsOldContentForCurrent() {
        committed(message(1, "F-1", "stored"));
        ChangedRecords tonight = changes(true);
        tonight.toSend(TONIGHT, records(message(2, "F-1", "changed"))); // sent, and still on its way (queued, or to be parked)

        List<RecordMessage> nextNight = changes(true).toSend(TONIGHT, records(message(3, "F-1", "stored")));

        assertThat(nextNight).as("the stored content came back while the changed one is not committed").hasSize(1);
    }

    @Test
    void aKeyFoundAgainLaterInTheFileWithItsStoredContentIsSentAgainSoTheLastRecordWins() {
        // fingerprints held in memory were loaded before the run sent anything: only its sent keys tell it otherwise
        committed(message(1, "F-1", "stored"));
        ChangedRecords tonight = changes(true);

        List<RecordMessage> first = tonight.toSend(TONIGHT, records(message(2, "F-1", "changed")));
        List<RecordMessage> later = tonight.toSend(TONIGHT, records(message(3, "F-1", "stored"), message(4, "F-2", "new")));

        assertThat(first).hasSize(1);
        assertThat(later).extracting(RecordMessage::recordNumber).containsExactly(3L, 4L);
    }

    @Test
    void aNewKeyCommittedEarlierInTheRunAndSentAgainIsPendingUntilItsLaterRecordIsCommitted() {
        ChangedRecords tonight = changes(true);
        tonight.toSend(TONIGHT, records(message(2, "F-9", "first"))); // a key no run stored before
        fingerprints.remember(List.of(new FingerprintLedger.Committed(content.key("F-9"), "flats",
                message(2, "F-9", "first").fingerprint(), TONIGHT))); // its consumer commits it
        tonight.toSend(TONIGHT, records(message(5, "F-9", "second"))); // found again later in the file, still on its way

        List<RecordMessage> nextNight = changes(true).toSend(TONIGHT + 1, records(message(3, "F-9", "first")));

        assertThat(nextNight).as("the stored content is not what the target will hold once the second record lands")
                .hasSize(1);
    }

    @Test
    void aKeyAnotherFeedStoredIsPendingWhileThisFeedsRecordIsOnItsWay() {
        // two feeds may fill one table: the key is the table's, the stored fingerprint the other feed's
        fingerprints.remember(List.of(new FingerprintLedger.Committed(content.key("F-1"), "flats-archive",
                message(1, "F-1", "archived").fingerprint(), LAST_NIGHT)));

        changes(true).toSend(TONIGHT, records(message(2, "F-1", "current")));

        assertThat(fingerprints.stored(List.of(content.key("F-1")))).containsValue("");
    }

    @Test
    void aRecordAlreadyHandledByAKilledAttemptOfTheRunIsSentAgainNotCountedUnchangedTwice() {
        RecordMessage handled = message(7, "F-1", "v");
        committed(handled);
        outcomes.record(handled.runId(), handled.recordNumber(), RecordOutcome.PERSISTED);

        List<RecordMessage> sent = changes(true).toSend(TONIGHT, records(handled, message(8, "F-2", "w")));

        assertThat(sent).extracting(RecordMessage::recordNumber).as("record 8 is new anyway").containsExactly(7L, 8L);
    }

    @Test
    void aFingerprintThisRunCommittedBeforeItWasKilledDoesNotHoldItsRecordBack() {
        // an embedded database killed mid-commit has been seen to keep the fingerprint and lose the entity row
        RecordMessage beforeTheKill = message(7, "F-1", "v");
        fingerprints.remember(List.of(new FingerprintLedger.Committed(content.key("F-1"), "flats",
                beforeTheKill.fingerprint(), TONIGHT)));

        List<RecordMessage> resumed = changes(true).toSend(TONIGHT, records(message(7, "F-1", "v")));
        List<RecordMessage> tomorrow = changes(true).toSend(TONIGHT + 1, records(message(1, "F-1", "v")));

        assertThat(resumed).as("sent again, for the consumer to store or find stored").hasSize(1);
        assertThat(tomorrow).as("still pending: the resent record's consumer has not committed it").hasSize(1);
    }

    @Test
    void withoutComparingEverythingTravelsAndStoredKeysArePending() {
        committed(message(1, "F-1", "v"));

        List<RecordMessage> sent = changes(false).toSend(TONIGHT, records(message(2, "F-1", "v")));
        List<RecordMessage> next = changes(true).toSend(TONIGHT, records(message(3, "F-1", "v")));

        assertThat(sent).hasSize(1);
        assertThat(next).as("the full run's record may still be queued").hasSize(1);
    }

    private ChangedRecords changes(boolean compare) {
        return new ChangedRecords(feed, fingerprints, outcomes, compare, maxSnapshotKeys());
    }

    /** How many stored fingerprints a run may hold: these hold them all, {@link ChangedRecordsPerChunkTest} none. */
    int maxSnapshotKeys() {
        return 1_000_000;
    }

    /** As last night's consumer committed them: the importer's fingerprint, stored. */
    private void committed(RecordMessage... messages) {
        for (RecordMessage message : messages) {
            fingerprints.remember(List.of(new FingerprintLedger.Committed(content.key(message.key()), "flats",
                    message.fingerprint(), LAST_NIGHT)));
        }
    }

    /** The valid records the messages were built from, as the reader and validation hand them over. */
    private static List<CheckedRecord> records(RecordMessage... messages) {
        return Arrays.stream(messages).map(message -> {
            String[] values = {message.values().get("id"), message.values().get("title")};
            SourceRecord source = new SourceRecord("flats.xml", message.recordNumber(), message.line(), 1,
                    List.of("id", "title"), values);
            return new CheckedRecord(source, message.key(), values.clone(), List.of());
        }).toList();
    }

    private RecordMessage message(long recordNumber, String id, String title) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("title", title);
        return new RecordMessage(TONIGHT, "flats", recordNumber, (int) recordNumber, id, values, content.content(values));
    }
}
