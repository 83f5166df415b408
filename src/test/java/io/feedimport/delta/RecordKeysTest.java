package io.feedimport.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordKeysTest {

    @TempDir
    Path dir;

    @Test
    void aKeyReadsAlikeAsTheFileAndAsTheTableWriteIt() throws IOException {
        RecordKeys keys = new RecordKeys(feed("[code, amount, at]"));
        // the file wrote local time with its offset; PostgreSQL hands the same instant back in UTC
        Object[] fromFile = {"A-1", new BigDecimal("7.50"), OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))};
        Object[] fromTable = {"A-1", new BigDecimal("7.5000"), OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC)};

        assertThat(keys.text(fromFile)).isEqualTo(keys.text(fromTable)).isEqualTo("A-1|7.5|2026-12-01T10:00:00Z");
        assertThat(keys.hash(fromFile)).isEqualTo(keys.hash(fromTable)).isEqualTo(keys.hash(keys.text(fromFile))).hasSize(16);
        assertThat(keys.hash(new Object[] {"A-2", new BigDecimal("7.5"), OffsetDateTime.now()})).isNotEqualTo(keys.hash(fromFile));
    }

    @Test
    void aRecordsKeyIsTakenFromItsKeyFieldsInTheTargetsOrder() throws IOException {
        RecordKeys keys = new RecordKeys(feed("[at, code]"));

        assertThat(keys.textOfRecord(new Object[] {"A-1", new BigDecimal("1"), OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0,
                ZoneOffset.ofHours(-5))})).isEqualTo("2026-12-01T05:00:00Z|A-1");
    }

    @Test
    void aKeyWithAMissingPartHasNoTextNorHash() throws IOException {
        RecordKeys keys = new RecordKeys(feed("[code, amount]"));

        assertThat(keys.text(new Object[] {"A-1", null})).isNull();
        assertThat(keys.hash(new Object[] {"A-1", null})).isNull();
    }

    private FeedDefinition feed(String key) throws IOException {
        return new FeedDefinitionLoader().load(Files.writeString(dir.resolve("k-" + System.nanoTime() + ".yml"), """
                name: k
                format: { type: xml, record: /r/e }
                fields:
                  code: { path: "@code", type: string }
                  amount: { path: amount, type: decimal }
                  at: { path: at, type: datetime }
                target: { key: KEY }
                """.replace("KEY", key)));
    }
}
