package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.feedimport.feed.FeedDefinition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbookPr;

/** The sheet reader contract for XLSX workbooks, plus what only XLSX files can do: inline strings, zip bombs, size. */
class XlsxRecordReaderTest extends SheetReaderContract {

    @Override
    protected Workbook newWorkbook() {
        return new XSSFWorkbook();
    }

    @Override
    protected String type() {
        return "xlsx";
    }

    @Override
    protected RecordReader open(FeedDefinition feed, Path file) {
        return XlsxRecordReader.open(feed, file);
    }

    @Override
    protected void useDate1904(Workbook workbook) {
        XSSFWorkbook xssf = (XSSFWorkbook) workbook;
        CTWorkbookPr properties = xssf.getCTWorkbook().isSetWorkbookPr()
                ? xssf.getCTWorkbook().getWorkbookPr() : xssf.getCTWorkbook().addNewWorkbookPr();
        properties.setDate1904(true);
    }

    @Test
    void givenInlineStringsWhenReadingThenTheyReadLikeSharedOnes() throws IOException {
        // SXSSF writes every text as an inline string, as many exporting systems do
        Path file = streamed(3, (row, n) -> {
            row.createCell(0).setCellValue(n == 0 ? "Id" : "OF-" + n);
            row.createCell(1).setCellValue(n == 0 ? "Title" : "  Къща " + n + "  ");
        });
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "title: { column: Title, type: string }");

        assertThat(readAll(feed, file)).extracting(r -> r.value(0) + "|" + r.value(1)).containsExactly("OF-1|Къща 1", "OF-2|Къща 2");
    }

    @Test
    void givenAZipBombWhenReadingThenOneLineNamesTheRatioLimitAndHowToChangeIt() throws IOException {
        Path file = bomb();
        FeedDefinition feed = feed("", "id: { letter: A, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": xl/worksheets/sheet1.xml unpacks to more than 100 times its compressed size"
                        + " (format.limits.minInflateRatio: 0.01), as zip bombs do")
                .hasMessageContaining("lower format.limits.minInflateRatio")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void givenAPartLargerThanMaxEntrySizeWhenReadingThenOneLineNamesTheSizeLimitAndHowToRaiseIt() throws IOException {
        Path file = bomb();
        FeedDefinition feed = feed("limits: { maxEntrySize: 1000000, minInflateRatio: 0.00001 }", "id: { letter: A, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": xl/worksheets/sheet1.xml unpacks to more than 1000000 bytes (format.limits.maxEntrySize),"
                        + " a guard against zip bombs; if the workbook is genuine, raise format.limits.maxEntrySize");
    }

    @Test
    void givenAnInlineStringLongerThanMaxTextSizeWhenReadingThenTheFileFailsAtItsRowAndCellAfterTheRowsBefore() throws IOException {
        String huge = "y".repeat(20_000);
        Path file = streamed(5, (row, n) -> {
            row.createCell(0).setCellValue(n == 0 ? "Id" : "OF-" + n);
            row.createCell(1).setCellValue(n == 3 ? huge : "short");
        });
        FeedDefinition feed = feed("limits: { maxTextSize: 10000 }", "id: { column: Id, type: string }",
                "notes: { letter: B, type: string }");
        List<SourceRecord> records = new java.util.ArrayList<>();

        try (RecordReader reader = open(feed, file)) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> {
                for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                    records.add(record);
                }
            });

            assertThat(records).extracting(r -> r.value(0)).containsExactly("OF-1", "OF-2");
            assertThat(failure).isInstanceOf(InputException.class)
                    .hasMessage(file + ": sheet 'Offers' row 4: cell B4 holds more than 10000 characters"
                            + " (format.limits.maxTextSize)");
        }
    }

    @Test
    void givenSharedStringsLargerThanMaxSharedStringsSizeWhenOpeningThenOneLineNamesThePartAndTheLimit() throws IOException {
        Path file = workbook(w -> {
            w.row("Offers", 1, "Id", "Notes");
            for (int n = 2; n < 200; n++) {
                w.row("Offers", n, "OF-" + n, "distinct note number " + n + " " + "z".repeat(1000));
            }
        });
        FeedDefinition feed = feed("limits: { maxSharedStringsSize: 100000 }", "id: { column: Id, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": xl/sharedStrings.xml unpacks to more than 100000 bytes (format.limits.maxSharedStringsSize);"
                        + " the workbook's distinct texts are held in memory while it is read; if the workbook is genuine,"
                        + " raise format.limits.maxSharedStringsSize");
    }

    @Test
    void givenATruncatedOrGarbledWorkbookWhenReadingThenOneLineSaysItIsNotReadable() throws IOException {
        Path whole = streamed(2_000, (row, n) -> row.createCell(0).setCellValue("OF-" + n + " " + "x".repeat(n % 50)));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        byte[] garbled = bytes.clone();
        Arrays.fill(garbled, bytes.length / 3, bytes.length / 3 + 200, (byte) 0x5A);
        Path broken = Files.write(dir.resolve("garbled.xlsx"), garbled);
        FeedDefinition feed = feed("headerRow: 0", "id: { letter: A, type: string }");

        assertThatThrownBy(() -> readAll(feed, truncated)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(truncated + ": is not a readable XLSX workbook, it may be truncated or corrupt (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> readAll(feed, broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(broken + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void givenTwoHundredThousandRowsWhenReadingThenEveryRowIsStreamedAsARecord() throws IOException {
        Path file = streamed(200_001, (row, n) -> {
            if (n == 0) {
                row.createCell(0).setCellValue("Id");
                row.createCell(1).setCellValue("Title");
                row.createCell(2).setCellValue("Price");
            } else {
                row.createCell(0).setCellValue("OF-" + n);
                row.createCell(1).setCellValue("Offer number " + n);
                row.createCell(2).setCellValue(n * 0.25);
            }
        });
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "price: { column: Price, type: string }");

        long count = 0;
        SourceRecord last = null;
        try (RecordReader reader = open(feed, file)) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                count++;
                last = record;
            }
        }

        assertThat(count).isEqualTo(200_000);
        assertThat(last.number()).isEqualTo(200_000);
        assertThat(last.line()).isEqualTo(200_001);
        assertThat(last.values()).containsExactly("OF-200000", "50000");
    }

    @Test
    void givenAFeedsOwnLimitsWhenItsReaderIsClosedThenPoiIsBackToItsDefaults() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Id", "Day").row("Offers", 2, "OF-1", LocalDate.of(2026, 1, 2)));
        FeedDefinition strict = feed("limits: { maxEntrySize: 5000000 }", "id: { column: Id, type: string }");

        assertThat(readAll(strict, file)).hasSize(1);
        assertThat(org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize()).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void givenSheetXmlAsOtherWritersProduceItWhenReadingThenRichInlineTextIsoDatesAndUnreferencedCellsAreRead() throws IOException {
        // rich text runs without their phonetic guide, cells and rows without r attributes, an ISO date cell, a formula text
        Path file = withSheetXml("""
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row><c t="inlineStr"><is><t>Id</t></is></c><c t="inlineStr"><is><t>Title</t></is></c>\
                <c t="inlineStr"><is><t>Seen</t></is></c><c t="inlineStr"><is><t>Code</t></is></c></row>
                <row><c t="inlineStr"><is><t>OF-1</t></is></c><c t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Къща </t></r>\
                <r><t>с двор</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c><c t="d"><v>2026-11-22T10:15:00Z</v></c>\
                <c t="str"><f>"A"&amp;"7"</f><v>A7</v></c></row>
                <row r="5"><c r="C5" t="d"><v>2026-11-23</v></c></row>
                </sheetData></worksheet>""");
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "title: { column: Title, type: string }",
                "seen: { column: Seen, type: string }", "code: { column: Code, type: string }");

        List<SourceRecord> records = readAll(feed, file);

        assertThat(records).extracting(SourceRecord::values).containsExactly(
                new String[] {"OF-1", "Къща с двор", "2026-11-22T10:15:00", "A7"}, new String[] {null, null, "2026-11-23", null});
        assertThat(records).extracting(SourceRecord::line).containsExactly(2, 5);
    }

    @Test
    void givenASheetWithAnExternalEntityWhenReadingThenTheEntityIsRefusedAndNothingIsRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path file = withSheetXml("<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>");
        FeedDefinition feed = feed("headerRow: 0", "id: { letter: A, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessageContaining("Undeclared general entity \"xxe\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET").doesNotContain("\n"));
    }

    /** A real workbook whose first sheet's XML is replaced by the given text. */
    private Path withSheetXml(String sheetXml) throws IOException {
        Path base = workbook(w -> w.row("Offers", 1, "placeholder"));
        Path file = dir.resolve("handwritten-" + Math.abs(sheetXml.hashCode()) + ".xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(base));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals("xl/worksheets/sheet1.xml")
                        ? sheetXml.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                out.closeEntry();
            }
        }
        return file;
    }

    /** A sheet of about 21 MB of one repeated letter, which deflates a thousandfold. */
    private Path bomb() throws IOException {
        String filler = "a".repeat(30_000);
        return streamed(700, (row, n) -> row.createCell(0).setCellValue(filler));
    }

    private interface RowWriter {
        void write(Row row, int index);
    }

    private Path streamed(int rows, RowWriter writer) throws IOException {
        Path file = dir.resolve("streamed-" + rows + ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Offers");
            for (int n = 0; n < rows; n++) {
                writer.write(sheet.createRow(n), n);
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }
}
