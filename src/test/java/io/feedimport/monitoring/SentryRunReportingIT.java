package io.feedimport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The packaged CLI importing the sample feed with SENTRY_DSN pointing at a loopback stand-in for Sentry. */
class SentryRunReportingIT {

    @TempDir
    Path dir;

    @Test
    void aRunOfTheSampleSendsOneEventPerBrokenRuleAndNoValueOfASensitiveField() throws Exception {
        try (SentryStub sentry = new SentryStub()) {
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-Dfeedimport.data-dir=" + dir.resolve("data"),
                    "-jar", Path.of("target/feedimport.jar").toAbsolutePath().toString(), "run",
                    Path.of("jobs/offers-xml.yml").toAbsolutePath().toString(), "--file",
                    Path.of("sample-feeds/offers.xml").toAbsolutePath().toString(), "--json")
                    .directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("SENTRY_DSN", sentry.dsn());
            Process run = builder.start();
            String output = new String(run.getInputStream().readAllBytes());
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

            assertThat(run.exitValue()).as(output).isZero();
            List<JsonNode> events = sentry.events();
            List<String> fingerprints = new ArrayList<>();
            for (JsonNode event : events) {
                fingerprints.add(event.get("fingerprint").toString());
            }
            assertThat(fingerprints).as("one event per broken rule of a field").doesNotHaveDuplicates()
                    .allMatch(print -> print.startsWith("[\"feedimport-skip\",\"offers\","));
            long skippedInEvents = 0;
            for (JsonNode event : events) {
                skippedInEvents += event.get("extra").get("records").asLong();
            }
            assertThat(skippedInEvents).as("15 records skipped, each breaking one rule").isEqualTo(15);
            // record 219 breaks the e-mail rule with 'teodora.zhekova[at]slanchev-dom.bg': the field is sensitive, so
            // the rule is reported and the mailbox stays here
            assertThat(fingerprints).contains("[\"feedimport-skip\",\"offers\",\"email\",\"pattern\"]");
            assertThat(String.join("\n", sentry.bodies())).doesNotContain("teodora", "slanchev-dom");
        }
    }
}
