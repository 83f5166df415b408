package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.feedimport.feed.FeedDefinition;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;

/** The sheet reader contract for XLS (Excel 97-2003) workbooks, plus what only XLS files can get wrong. */
class XlsRecordReaderTest extends SheetReaderContract {

    @Override
    protected Workbook newWorkbook() {
        return new HSSFWorkbook();
    }

    @Override
    protected String type() {
        return "xls";
    }

    @Override
    protected RecordReader open(FeedDefinition feed, Path file) {
        return XlsRecordReader.open(feed, file);
    }

    /**
     * HSSF has no setter for the date system: the workbook's DATEWINDOW1904 record is set directly (the contract writes
     * 1904 serial numbers itself, since HSSF would still compute 1900 ones for this workbook).
     */
    @Override
    protected void useDate1904(Workbook workbook) {
        ((DateWindow1904Record) ((HSSFWorkbook) workbook).getInternalWorkbook()
                .findFirstRecordBySid(DateWindow1904Record.sid)).setWindowing((short) 1);
    }

    @Test
    void givenMoreThanOneBlockOfRowsWhenReadingThenEveryRowIsOneRecordInOrder() throws IOException {
        // XLS stores rows in blocks of 32, with index records in between
        Path file = workbook(w -> {
            w.row("Offers", 1, "Id", "Price");
            for (int row = 2; row <= 101; row++) {
                w.row("Offers", row, "OF-" + row, row * 1.5);
            }
        });
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "price: { column: Price, type: string }");

        assertThat(readAll(feed, file)).hasSize(100).allSatisfy(r -> {
            assertThat(r.value(0)).isEqualTo("OF-" + r.line());
            assertThat(r.number()).isEqualTo(r.line() - 1);
        });
    }

    @Test
    void givenATruncatedWorkbookWhenOpeningThenOneLineSaysItIsNotReadable() throws IOException {
        Path whole = workbook(w -> w.row("Offers", 1, "Id").row("Offers", 2, "OF-1"));
        Path truncated = Files.write(dir.resolve("truncated.xls"), Arrays.copyOf(Files.readAllBytes(whole), 1000));
        FeedDefinition feed = feed("", "id: { column: Id, type: string }");

        assertThatThrownBy(() -> readAll(feed, truncated)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(truncated + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
