package io.feedimport.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordReaders picks the reader by format.type and refuses files whose content is of another kind, in one line. */
class SheetTypeCheckTest {

    @TempDir
    Path dir;

    @Test
    void givenAnXlsxFileDeclaredXlsWhenOpeningThenOneLineSaysWhatItIsAndWhatToSet() throws IOException {
        Path file = save(new XSSFWorkbook(), "offers.xls");

        assertThatThrownBy(() -> RecordReaders.open(sheetFeed("xls"), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": is an XLSX (Excel 2007+) workbook, but the feed's format.type is xls; set format.type: xlsx")
                .satisfies(e -> assertThat(((InputException) e).unreadable()).isTrue());
    }

    @Test
    void givenAnXlsFileDeclaredXlsxWhenOpeningThenOneLineSaysWhatItIsAndWhatToSet() throws IOException {
        Path file = save(new HSSFWorkbook(), "offers.xlsx");

        assertThatThrownBy(() -> RecordReaders.open(sheetFeed("xlsx"), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": is an XLS (Excel 97-2003) workbook, but the feed's format.type is xlsx; set format.type: xls");
    }

    @Test
    void givenAnXmlFileDeclaredXlsxWhenOpeningThenOneLineSaysItIsXml() throws IOException {
        Path file = Files.writeString(dir.resolve("offers.xlsx"), "<?xml version=\"1.0\"?><feed><offers/></feed>");

        assertThatThrownBy(() -> RecordReaders.open(sheetFeed("xlsx"), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": is an XML document, but the feed's format.type is xlsx; set format.type: xml");
    }

    @Test
    void givenAWorkbookDeclaredXmlWhenOpeningThenOneLineSaysItIsAWorkbook() throws IOException {
        Path file = save(new XSSFWorkbook(), "offers.xml");

        assertThatThrownBy(() -> RecordReaders.open(xmlFeed(), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": is an XLSX (Excel 2007+) workbook, but the feed's format.type is xml; set format.type: xlsx");
    }

    @Test
    void givenACsvFileDeclaredXlsxWhenOpeningThenOneLineSaysItIsNoWorkbook() throws IOException {
        Path file = Files.writeString(dir.resolve("offers.xlsx"), "id;title\nOF-1;Flat\n");

        assertThatThrownBy(() -> RecordReaders.open(sheetFeed("xlsx"), file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": is not an XLSX workbook");
    }

    @Test
    void givenAZipThatIsNotAWorkbookWhenCheckingBeforeARunThenOneUnreadableLineSaysItIsNoWorkbook() throws IOException {
        // given a zip holding a.txt, named .xlsx: its first bytes are those of every XLSX file
        Path file = dir.resolve("contacts.xlsx");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            zip.write("not a workbook\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        // when the file is checked before a run is registered, then one line names the file and says what it is
        for (FeedDefinition feed : List.of(sheetFeed("xlsx"), sheetFeed("xls"), xmlFeed())) {
            assertThatThrownBy(() -> RecordReaders.requireReadable(feed, file)).isInstanceOf(InputException.class)
                    .hasMessage(file + ": is a zip archive but not an XLSX workbook (it has no [Content_Types].xml, which"
                            + " every Office document has)")
                    .satisfies(e -> assertThat(((InputException) e).unreadable()).isTrue());
        }
    }

    @Test
    void givenAWordDocumentDeclaredXlsxWhenCheckingBeforeARunThenOneUnreadableLineSaysItIsNoWorkbook() throws IOException {
        Path file = dir.resolve("contacts.xlsx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText("not a workbook");
            document.write(out);
        }

        assertThatThrownBy(() -> RecordReaders.requireReadable(sheetFeed("xlsx"), file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": is an Office document but not an Excel workbook (its main part is"
                        + " application/vnd.openxmlformats-officedocument.wordprocessingml")
                .satisfies(e -> assertThat(((InputException) e).unreadable()).isTrue());
    }

    @Test
    void givenMatchingContentWhenOpeningThenTheFormatsReaderReadsIt() throws IOException {
        Workbook workbook = new HSSFWorkbook();
        workbook.createSheet("Offers").createRow(0).createCell(0).setCellValue("Id");
        workbook.getSheet("Offers").createRow(1).createCell(0).setCellValue("OF-1");
        Path xls = save(workbook, "offers.xls");
        Path xml = Files.writeString(dir.resolve("offers.xml"), "<feed><offers><offer id=\"OF-1\"/></offers></feed>");

        try (RecordReader reader = RecordReaders.open(sheetFeed("xls"), xls)) {
            assertThat(reader).isInstanceOf(XlsRecordReader.class);
            assertThat(reader.read().value(0)).isEqualTo("OF-1");
        }
        try (RecordReader reader = RecordReaders.open(xmlFeed(), xml)) {
            assertThat(reader.read().value(0)).isEqualTo("OF-1");
        }
        assertThatThrownBy(() -> RecordReaders.open(xmlFeed(), dir.resolve("none.xml"))).hasMessageEndingWith("no such file");
    }

    private Path save(Workbook workbook, String name) throws IOException {
        if (workbook.getNumberOfSheets() == 0) {
            workbook.createSheet("Offers");
        }
        Path file = dir.resolve(name);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private FeedDefinition sheetFeed(String type) throws IOException {
        return load("format:\n  type: " + type + "\nfields:\n  id: { column: Id, type: string }\n");
    }

    private FeedDefinition xmlFeed() throws IOException {
        return load("format:\n  type: xml\n  record: /feed/offers/offer\nfields:\n  id: { path: \"@id\", type: string }\n");
    }

    private FeedDefinition load(String body) throws IOException {
        Path yaml = Files.createTempFile(dir, "feed", ".yml");
        Files.writeString(yaml, "name: type-check\n" + body + "target:\n  key: [id]\n", StandardCharsets.UTF_8);
        return new FeedDefinitionLoader().load(yaml);
    }
}
