package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import io.feedimport.run.RunRetention;
import org.junit.jupiter.api.Test;

class DaemonPrinterTest {

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final DaemonPrinter printer = new DaemonPrinter(new PrintStream(output, true, StandardCharsets.UTF_8));

    @Test
    void aPickupsNewsIsOneLineNamingItsFeed() {
        printer.pickup("broken", "error: /drop/missing: cannot list: no such file or folder /drop/missing (next poll in 2s)");
        printer.pickup("offers", "export.xml: failed as run 3: the file broke\n\tat line 7");

        assertThat(lines()).containsExactly(
                "feedimport daemon: broken: error: /drop/missing: cannot list: no such file or folder /drop/missing (next poll in 2s)",
                "feedimport daemon: offers: export.xml: failed as run 3: the file broke");
    }

    @Test
    void aPruneSaysWhatItRemoved() {
        printer.pruned(new RunRetention.Pruned(1, 0, 0, 1, 0), Instant.parse("2026-10-31T03:00:00.250Z"));

        assertThat(lines()).containsExactly("feedimport: pruned the per-record details of 1 run(s) completed before"
                + " 2026-10-31T03:00:00Z: 0 record outcomes, 0 skip report lines, 1 progress samples; and 0 old pick-ups that"
                + " imported nothing");
    }

    @Test
    void aFailedPruneSaysWhyInOneLine() {
        printer.pruneFailed(new SQLException("Database \"mem:no-such-database\" not found\nmore detail"));

        assertThat(lines()).containsExactly("feedimport: pruning old runs failed, trying again in a day: Database"
                + " \"mem:no-such-database\" not found");
    }

    private java.util.List<String> lines() {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
