package io.feedimport.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.read.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    @TempDir
    Path dir;

    final List<String> skipped = new ArrayList<>();

    @Test
    void everyRecordIsReadAndValidatedAndEachSkippedOneIsHandedOnAsItIsFound() throws IOException {
        DryRun dryRun = new DryRun(feed("skipLimit: 50%"));

        DryRun.Verdict verdict = dryRun.of(file("<r><x id='1'><name>Ivo</name></x><x id='2'/><x id='3'><name>Ana</name></x></r>"),
                checked -> skipped.add(checked.key()));

        assertThat(verdict).isEqualTo(new DryRun.Verdict(3, 1, null, false));
        assertThat(verdict.valid()).isEqualTo(2);
        assertThat(verdict.passed()).isTrue();
        assertThat(skipped).containsExactly("2");
    }

    @Test
    void moreSkippedRecordsThanTheFeedAllowsAreOverTheLimit() throws IOException {
        DryRun dryRun = new DryRun(feed("skipLimit: 10%"));

        DryRun.Verdict verdict = dryRun.of(file("<r><x id='1'><name>Ivo</name></x><x id='2'/></r>"), checked -> { });

        assertThat(verdict).isEqualTo(new DryRun.Verdict(2, 1, null, true));
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aFileThatBreaksMidwayEndsTheRunWithItsReasonAndTheCountsUpToTheBreak() throws IOException {
        DryRun dryRun = new DryRun(feed(""));

        DryRun.Verdict verdict = dryRun.of(file("<r><x id='1'><name>Ivo</name></x><x id='2'><name>Ana</nam"), checked -> { });

        assertThat(verdict.read()).isEqualTo(1);
        assertThat(verdict.failure()).isNotBlank();
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aFileThatCannotBeReadAtAllIsAnErrorNotAVerdict() throws IOException {
        DryRun dryRun = new DryRun(feed(""));

        assertThatThrownBy(() -> dryRun.of(dir.resolve("missing.xml"), checked -> { }))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.unreadable()).isTrue());
    }

    private FeedDefinition feed(String skipLimit) throws IOException {
        Path yaml = dir.resolve("test.yml");
        Files.writeString(yaml, """
                name: test
                format: { type: xml, record: /r/x }
                fields:
                  id:   { path: "@id", type: string }
                  name: { path: name, type: string, required: true }
                target: { key: [id] }
                """ + skipLimit + "\n");
        return new FeedDefinitionLoader().load(yaml);
    }

    private Path file(String xml) throws IOException {
        return Files.writeString(dir.resolve("export.xml"), xml);
    }
}
