package io.feedimport.withdraw;

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

class KeyHashesTest {

    @TempDir
    Path dir;

    @Test
    void aKeyHashesAlikeAsTheFileAndAsTheTableWriteIt() throws IOException {
        KeyHashes hashes = new KeyHashes(feed("[code, amount, at]"));

        String fromFile = hashes.of(new Object[] {"A-1", new BigDecimal("7.50"),
                OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC)});
        String fromTable = hashes.of(new Object[] {"A-1", new BigDecimal("7.5000"),
                OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))});

        assertThat(fromFile).isEqualTo(fromTable).hasSize(16);
        assertThat(hashes.of(new Object[] {"A-2", new BigDecimal("7.5"), OffsetDateTime.now()})).isNotEqualTo(fromFile);
    }

    @Test
    void aKeyWithAMissingPartHasNoHash() throws IOException {
        assertThat(new KeyHashes(feed("[code, amount]")).of(new Object[] {"A-1", null})).isNull();
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
