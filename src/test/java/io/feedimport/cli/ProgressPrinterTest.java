package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void aLogLineSaysHowFarHowFastHowLongStillAndHowManySkipped() {
        ProgressPrinter.Progress progress = new ProgressPrinter.Progress(420_000, 1_234, 24_100.4, 350_100_000, 834_100_000,
                10_000_000);

        assertThat(progress.line(3)).isEqualTo("run 3 at record 420,000 (24,100 records/s, 41% of 834.1 MB, ETA 0:48,"
                + " 1,234 skipped)");
    }

    @Test
    void aTerminalBarFillsWithTheShareOfTheFileRead() {
        ProgressPrinter.Progress progress = new ProgressPrinter.Progress(420_000, 1_234, 24_100, 417_050_000, 834_100_000,
                100_000);

        assertThat(progress.bar(3)).isEqualTo("run 3 [############------------]  50%  417.1/834.1 MB  24,100 records/s"
                + "  ETA 1:09:31  1,234 skipped");
    }

    @Test
    void withoutAByteCountThereIsNoShareAndNoEta() {
        ProgressPrinter.Progress sheet = new ProgressPrinter.Progress(42_000, 12, 30_000, -1, 45_400_000, -1);

        assertThat(sheet.line(7)).isEqualTo("run 7 at record 42,000 (30,000 records/s, 12 skipped)");
        assertThat(sheet.bar(7)).isEqualTo("run 7  42,000 records  30,000 records/s  12 skipped");
    }

    @Test
    void aLogGetsWholeLinesAndNoCarriageReturns() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(log, true, StandardCharsets.UTF_8), false);

        printer.started(3, 0, 1_000);
        Thread.sleep(2_100);
        printer.handedOver(3, 500, 5, 500);
        printer.finish();

        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\r").startsWith("feedimport: run 3 started\n")
                .containsPattern("feedimport: run 3 at record 500 \\(\\d+ records/s, 50% of 0\\.0 MB, ETA 0:0\\d, 5 skipped\\)\n$");
    }

    @Test
    void aRunResumedBySeekingSaysWhereAndShowsItsFirstRecordsAtOnce() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(log, true, StandardCharsets.UTF_8), false);

        printer.started(3, 900_000, 1_000_000);
        printer.resumedAt(899_990, 900_000);
        printer.handedOver(3, 900_100, 5, 901_000);
        printer.handedOver(3, 900_200, 5, 902_000);

        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("feedimport: resuming run 3 after record 900,000\n"
                + "feedimport: resumed at byte offset 900,000, record 899,990, without re-reading the records before it\n"
                + "feedimport: run 3 at record 900,100 (").doesNotContain("record 900,200");
    }
}
