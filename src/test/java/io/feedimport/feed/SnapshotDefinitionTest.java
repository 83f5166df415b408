package io.feedimport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotDefinitionTest {

    private static final String FEED = """
            name: offers
            format: { type: xml, record: /feed/offer }
            fields: { id: { path: "@id", type: string } }
            target: { key: [id] }
            """;

    @TempDir
    Path dir;

    private final FeedDefinitionLoader loader = new FeedDefinitionLoader();

    @Test
    void aFeedOnlyUpsertsUnlessItSaysSnapshot() throws IOException {
        assertThat(loader.load(write(FEED)).snapshot()).isNull();
        assertThat(loader.load(write(FEED + "mode: upsert\n")).snapshot()).isNull();
    }

    @Test
    void aSnapshotFeedIsReadAsWritten() throws IOException {
        FeedDefinition feed = loader.load(write(FEED + """
                mode: snapshot
                withdraw: delete
                guard:
                  maxDrop: 12.5%
                  minRecords: 1000
                """));

        assertThat(feed.snapshot()).isEqualTo(new SnapshotDefinition(SnapshotDefinition.Withdraw.DELETE,
                new BigDecimal("12.5"), 1000));
    }

    @Test
    void aSnapshotWithoutGuardSoftDeletesAndRefusesADropOfMoreThanATenthOrAnEmptyFile() throws IOException {
        SnapshotDefinition snapshot = loader.load(write(FEED + "mode: snapshot\n")).snapshot();

        assertThat(snapshot.withdraw()).isEqualTo(SnapshotDefinition.Withdraw.SOFT_DELETE);
        assertThat(snapshot.refusal(0, null)).isEqualTo("read 0 records, fewer than the guard's minRecords (1)");
        assertThat(snapshot.refusal(900, 1000L)).as("exactly a tenth less").isNull();
        assertThat(snapshot.refusal(899, 1000L)).isEqualTo("read 899 records, 90% of the last complete export (1,000)");
        assertThat(snapshot.refusal(5, null)).as("the first snapshot has nothing to compare with").isNull();
    }

    @Test
    void theGuardMatchesTheIssuesExample() {
        SnapshotDefinition snapshot = new SnapshotDefinition(SnapshotDefinition.Withdraw.SOFT_DELETE, BigDecimal.TEN, 1000);

        assertThat(snapshot.refusal(300_112, 968_440L))
                .isEqualTo("read 300,112 records, 31% of the last complete export (968,440)");
        assertThat(snapshot.refusal(999, 1000L)).isEqualTo("read 999 records, fewer than the guard's minRecords (1,000)");
        assertThat(snapshot.refusal(968_440, 968_440L)).isNull();
    }

    @Test
    void wrongValuesAndSnapshotKeysOnAnUpsertFeedAreEachReported() throws IOException {
        Path file = write(FEED + """
                mode: mirror
                withdraw: purge
                guard: { maxDrop: 10, minRecords: many, maxdrop: 5% }
                """);

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageContaining("mode: expected upsert or snapshot, got 'mirror'")
                .hasMessageContaining("withdraw: applies to mode: snapshot only")
                .hasMessageContaining("guard: applies to mode: snapshot only");
        Path snapshot = write(FEED + """
                mode: snapshot
                withdraw: purge
                guard: { maxDrop: 10, minRecords: many, maxdrop: 5% }
                """);
        assertThatThrownBy(() -> loader.load(snapshot))
                .hasMessageContaining("withdraw: expected softDelete or delete, got 'purge'")
                .hasMessageContaining("guard.maxDrop: expected a percentage from 0% to 100% (e.g. 10%), got '10'")
                .hasMessageContaining("guard.minRecords: expected a whole number of records (e.g. 1000), got 'many'")
                .hasMessageContaining("guard.maxdrop: unknown key");
    }

    @Test
    void aRunStartedAsASnapshotNeverResumesAsAnUpsertRun() throws IOException {
        assertThat(loader.load(write(FEED + "mode: snapshot\n")).identity())
                .isNotEqualTo(loader.load(write(FEED)).identity())
                .isNotEqualTo(loader.load(write(FEED + "mode: snapshot\nwithdraw: delete\n")).identity());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("offers-" + System.nanoTime() + ".yml"), yaml);
    }
}
