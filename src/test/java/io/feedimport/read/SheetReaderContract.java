package io.feedimport.read;

import static io.feedimport.read.SheetFixtures.formula;
import static io.feedimport.read.SheetFixtures.styled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every sheet reader promises, run once per format by a subclass: the same workbook content, written as XLSX or
 * as XLS, reads as the same records. Locale and time zone are pinned to ones that would show any dependence on them:
 * a decimal comma, and a zone 14 hours off UTC.
 */
abstract class SheetReaderContract {

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();
    private Locale locale;
    private TimeZone zone;

    /** A new, empty workbook of the format under test. */
    protected abstract Workbook newWorkbook();

    /** The feed's format.type, which is also the file extension. */
    protected abstract String type();

    protected abstract RecordReader open(FeedDefinition feed, Path file);

    /** Marks the workbook as counting dates from 1904 (Excel for Mac before 2011). */
    protected abstract void useDate1904(Workbook workbook);

    @BeforeEach
    void pinLocaleAndZone() {
        locale = Locale.getDefault();
        zone = TimeZone.getDefault();
        Locale.setDefault(Locale.GERMANY);
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    }

    @AfterEach
    void restoreLocaleAndZone() {
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
    }

    @Test
    void givenHeaderNamesAndLettersWhenReadingThenEachFieldTakesItsColumnsText() throws IOException {
        // given a header row, matched trimmed and case-insensitively, and a field addressed by letter
        Path file = workbook(w -> w.row("Offers", 1, "Id", " Title ", "PRICE", null, "note")
                .row("Offers", 2, "OF-1", "Flat", 125000, null, "first")
                .row("Offers", 3, "OF-2", "House", 99.5, null, "second"));
        FeedDefinition feed = feed("", "id: { column: id, type: string }", "title: { column: \"title\", type: string }",
                "price: { column: Price, type: string }", "note: { letter: e, type: string }");

        // when
        List<SourceRecord> records = readAll(feed, file);

        // then
        assertThat(records).extracting(SourceRecord::asMap).containsExactly(
                map("id", "OF-1", "title", "Flat", "price", "125000", "note", "first"),
                map("id", "OF-2", "title", "House", "price", "99.5", "note", "second"));
        assertThat(records.get(0).file()).isEqualTo(file.toString());
        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 2L);
        assertThat(records).extracting(SourceRecord::line).containsExactly(2, 3);
        assertThat(records).extracting(SourceRecord::column).containsExactly(1, 1);
    }

    @Test
    void givenAHeaderRowBelowATitleWhenReadingThenRowsUpToTheHeaderAreNoRecords() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Nightly export").row("Offers", 3, "Id", "Title")
                .row("Offers", 4, "OF-1", "Flat"));
        FeedDefinition feed = feed("headerRow: 3", "id: { column: Id, type: string }", "title: { column: Title, type: string }");

        List<SourceRecord> records = readAll(feed, file);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.asMap()).isEqualTo(map("id", "OF-1", "title", "Flat"));
            assertThat(r.line()).isEqualTo(4);
        });
    }

    @Test
    void givenNoHeaderRowWhenReadingThenEveryRowIsARecordAddressedByLetter() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "OF-1", "Flat").row("Offers", 2, "OF-2", "House"));
        FeedDefinition feed = feed("headerRow: 0", "id: { letter: A, type: string }", "title: { letter: b, type: string }");

        assertThat(readAll(feed, file)).extracting(r -> r.value(0) + "/" + r.value(1) + "@" + r.line())
                .containsExactly("OF-1/Flat@1", "OF-2/House@2");
    }

    @Test
    void givenNumbersWhenReadingThenTheyArePlainDecimalsWithoutExponentOrTrailingZero() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "int", "decimal", "big", "negative", "small", "computed", "thousand")
                .row("Offers", 2, 42, 3.5, 1e20, -17.25, 0.0000001, formula("0.1+0.2"), 1234567.0));
        FeedDefinition feed = feed("", "i: { column: int, type: string }", "d: { column: decimal, type: string }",
                "b: { column: big, type: string }", "n: { column: negative, type: string }",
                "s: { column: small, type: string }", "c: { column: computed, type: string }",
                "t: { column: thousand, type: string }");

        assertThat(readAll(feed, file).get(0).values())
                .containsExactly("42", "3.5", "100000000000000000000", "-17.25", "0.0000001", "0.3", "1234567");
    }

    @Test
    void givenDatesAndTimesWhenReadingThenTheyAreIsoLocalTextInAnyTimeZone() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "date", "datetime", "time", "plain", "builtin")
                .row("Offers", 2, LocalDate.of(2026, 11, 22), LocalDateTime.of(2026, 11, 22, 10, 15),
                        styled(0.5, "hh:mm:ss"), styled(46348, "0.00"), styled(46348, "m/d/yy")));
        FeedDefinition feed = feed("", "d: { column: date, type: string }", "dt: { column: datetime, type: string }",
                "t: { column: time, type: string }", "p: { column: plain, type: string }", "b: { column: builtin, type: string }");

        assertThat(readAll(feed, file).get(0).values())
                .containsExactly("2026-11-22", "2026-11-22T10:15:00", "12:00:00", "46348", "2026-11-22");
    }

    @Test
    void givenAWorkbookCountingDatesFrom1904WhenReadingThenDatesAreTheSameDays() throws IOException {
        double day = DateUtil.getExcelDate(LocalDateTime.of(2026, 11, 22, 0, 0), true);
        double time = DateUtil.getExcelDate(LocalDateTime.of(2026, 11, 22, 10, 15), true);
        Path file = workbook(w -> w.row("Offers", 1, "date", "datetime")
                .row("Offers", 2, styled(day, "yyyy-mm-dd"), styled(time, "yyyy-mm-dd hh:mm")), this::useDate1904);
        FeedDefinition feed = feed("", "d: { column: date, type: string }", "dt: { column: datetime, type: string }");

        assertThat(readAll(feed, file).get(0).values()).containsExactly("2026-11-22", "2026-11-22T10:15:00");
    }

    @Test
    void givenBooleansAndFormulasWhenReadingThenCachedResultsAreReadLikeValuesAndErrorsAreMissing() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Yes", "No", "times", "concat", "compare", "error", "day")
                .row("Offers", 2, true, false, formula("21*2"), formula("\"Sofia\"&\"-\"&\"Lozenets\""), formula("2>1"),
                        formula("1/0"), formula("DATE(2026,11,22)", "yyyy-mm-dd")));
        FeedDefinition feed = feed("", "y: { column: \"yes\", type: string }", "n: { column: \"no\", type: string }",
                "t: { column: times, type: string }", "c: { column: concat, type: string }",
                "b: { column: compare, type: string }", "e: { column: error, type: string }", "d: { column: day, type: string }");

        assertThat(readAll(feed, file).get(0).values())
                .containsExactly("true", "false", "42", "Sofia-Lozenets", "true", null, "2026-11-22");
    }

    @Test
    void givenGapsShortRowsAndBlankRowsWhenReadingThenMissingCellsAreNullAndEmptyRowsAreNoRecords() throws IOException {
        Path file = workbook(w -> {
            w.row("Offers", 1, "Id", "Title", "Price", "Other")
                    .row("Offers", 2, "OF-1", null, 10)          // a gap in the middle
                    .row("Offers", 3, "OF-2")                     // a short row
                    .row("Offers", 5, "   ", "")                  // blank texts only: no record
                    .row("Offers", 6, null, null, null, "x")      // only a column no field reads: still a record
                    .row("Offers", 8, "OF-4", "Last", 30);
            w.sheet("Offers").createRow(6).createCell(1).setCellStyle(w.style("0.00")); // a styled empty cell
        });
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "title: { column: Title, type: string }",
                "price: { column: Price, type: string }");

        List<SourceRecord> records = readAll(feed, file);

        assertThat(records).extracting(SourceRecord::values).containsExactly(
                new String[] {"OF-1", null, "10"}, new String[] {"OF-2", null, null},
                new String[] {null, null, null}, new String[] {"OF-4", "Last", "30"});
        assertThat(records).extracting(SourceRecord::line).containsExactly(2, 3, 6, 8);
        assertThat(records).extracting(SourceRecord::number).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void givenHiddenSheetsWhenNoSheetIsNamedThenTheFirstVisibleIsReadAndHiddenOnesOnlyWhenNamed() throws IOException {
        Path file = workbook(w -> {
            w.row("Lists", 1, "Id").row("Lists", 2, "L-1");
            w.row("Offers", 1, "Id").row("Offers", 2, "OF-1");
            w.row("Archive", 1, "Id").row("Archive", 2, "AR-1");
            w.sheet("Lists").getWorkbook().setSheetHidden(0, true);
        });
        String id = "id: { column: Id, type: string }";

        assertThat(readAll(feed("", id), file)).extracting(r -> r.value(0)).containsExactly("OF-1");
        assertThat(readAll(feed("sheet: Lists", id), file)).extracting(r -> r.value(0)).containsExactly("L-1");
        assertThat(readAll(feed("sheet: Archive", id), file)).extracting(r -> r.value(0)).containsExactly("AR-1");
        assertThat(readAll(feed("sheet: \"3\"", id), file)).extracting(r -> r.value(0)).containsExactly("AR-1");
        assertThat(readAll(feed("sheet: 1", id), file)).extracting(r -> r.value(0)).containsExactly("L-1");
    }

    @Test
    void givenAnUnknownSheetWhenOpeningThenOneLineListsTheSheets() throws IOException {
        Path file = workbook(w -> {
            w.row("Lists", 1, "Id");
            w.row("Offers", 1, "Id");
            w.sheet("Lists").getWorkbook().setSheetHidden(0, true);
        });
        String id = "id: { column: Id, type: string }";

        assertThatThrownBy(() -> readAll(feed("sheet: offers", id), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": has no sheet named 'offers' (format.sheet) (did you mean 'Offers'? names must match"
                        + " exactly); its sheets are 'Lists' (hidden), 'Offers'");
        assertThatThrownBy(() -> readAll(feed("sheet: 3", id), file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": has no sheet number 3 (format.sheet); its 2 sheets are 'Lists' (hidden), 'Offers'");
    }

    @Test
    void givenAnUnknownHeaderWhenReadingThenOneLineNamesTheSheetTheMissingHeaderAndTheHeadersThatExist() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Id", "Title", "Price").row("Offers", 2, "OF-1", "Flat", 1));
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "price: { column: Prise, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": sheet 'Offers' has no column headed 'Prise' in row 1 (the header row); its headers are"
                        + " 'Id', 'Title', 'Price'");
    }

    @Test
    void givenAHeaderTheSheetLacksThatCouldBeAColumnLetterWhenReadingThenTheRunFailsRatherThanReadThatColumn() throws IOException {
        // "Id" renamed to "Key" in the export: column ID (the 238th) exists in every sheet and would read as blank
        Path file = workbook(w -> w.row("Offers", 1, "Key", "Title").row("Offers", 2, "OF-1", "Flat"));
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "title: { column: Title, type: string }");

        assertThatThrownBy(() -> readAll(feed, file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": sheet 'Offers' has no column headed 'Id' in row 1 (the header row); its headers are"
                        + " 'Key', 'Title' ('Id' is a header; for column ID by its letter, write letter: ID)");
    }

    @Test
    void givenAFieldNamedByLetterWhenReadingASheetWithHeadersThenItTakesThatColumnWhateverItsHeader() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Id", "B").row("Offers", 2, "OF-1", "Flat"));
        FeedDefinition feed = feed("", "id: { letter: b, type: string }", "title: { column: B, type: string }");

        assertThat(readAll(feed, file)).extracting(SourceRecord::asMap).containsExactly(map("id", "Flat", "title", "Flat"));
    }

    @Test
    void givenAComputedFieldWhenReadingThenNoColumnIsLookedForAndItReadsAsMissing() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Id", "Price").row("Offers", 2, "OF-1", 10));
        FeedDefinition feed = feed("", "id: { column: Id, type: string }", "double: { compute: \"price * 2\", type: decimal }",
                "price: { column: Price, type: string }");

        assertThat(readAll(feed, file)).extracting(r -> r.value(0) + "/" + r.value(1) + "/" + r.value(2))
                .containsExactly("OF-1/null/10");
    }

    @Test
    void givenSkippedRecordsWhenReadingOnThenTheNextRecordHasTheRightNumberAndRow() throws IOException {
        Path file = workbook(w -> w.row("Offers", 1, "Id").row("Offers", 2, "OF-1").row("Offers", 4, "OF-2")
                .row("Offers", 5, "OF-3").row("Offers", 9, "OF-4").row("Offers", 10, "OF-5"));
        FeedDefinition feed = feed("", "id: { column: Id, type: string }");

        try (RecordReader reader = open(feed, file)) {
            reader.skip(3);
            assertThat(reader.position()).isEqualTo(3);

            SourceRecord next = reader.read();

            assertThat(next.value(0)).isEqualTo("OF-4");
            assertThat(next.number()).isEqualTo(4);
            assertThat(next.line()).isEqualTo(9);
            assertThat(reader.position()).isEqualTo(4);
            assertThat(reader.read().value(0)).isEqualTo("OF-5");
            assertThat(reader.read()).isNull();
            assertThatThrownBy(() -> reader.skip(1)).isInstanceOf(InputException.class)
                    .hasMessageContaining("the sheet ends after 5 records");
        }
    }

    @Test
    void givenCyrillicAndOtherNonAsciiTextWhenReadingThenItIsIntact() throws IOException {
        Path file = workbook(w -> w.row("Обяви", 1, "Заглавие", "Град").row("Обяви", 2, "Двустаен апартамент в Лозенец", "München ✓"));
        FeedDefinition feed = feed("sheet: Обяви", "title: { column: заглавие, type: string }", "city: { column: ГРАД, type: string }");

        assertThat(readAll(feed, file).get(0).values()).containsExactly("Двустаен апартамент в Лозенец", "München ✓");
    }

    @Test
    void givenACellLongerThanMaxTextSizeWhenReadingThenTheRowsBeforeItAreReadAndTheFileFailsAtItsRowAndCell() throws IOException {
        // given 20,000 characters (Excel allows 32,767) in one cell of row 4, as a shared string (XLSX) or an SST string (XLS)
        String huge = "x".repeat(20_000);
        Path file = workbook(w -> w.row("Offers", 1, "Id", "Notes").row("Offers", 2, "OF-1", "short")
                .row("Offers", 3, "OF-2", "x".repeat(10_000)).row("Offers", 4, "OF-3", huge).row("Offers", 5, "OF-4", "short"));
        FeedDefinition feed = feed("limits: { maxTextSize: 10000 }", "id: { column: Id, type: string }");
        List<SourceRecord> records = new ArrayList<>();

        // when it is read under maxTextSize: 10000, even though no field takes that column
        try (RecordReader reader = open(feed, file)) {
            Throwable failure = catchThrowable(() -> {
                for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                    records.add(record);
                }
            });

            // then the records before it are read, and one line names the file, sheet, row, cell and limit
            assertThat(records).extracting(r -> r.value(0)).containsExactly("OF-1", "OF-2");
            assertThat(failure).isInstanceOf(InputException.class)
                    .hasMessage(file + ": sheet 'Offers' row 4: cell B4 holds more than 10000 characters"
                            + " (format.limits.maxTextSize)")
                    .satisfies(e -> assertThat(((InputException) e).unreadable()).isFalse());
        }
    }

    @Test
    void givenAMissingOrEmptyFileWhenOpeningThenTheMessagesAreThoseOfEveryReader() throws IOException {
        FeedDefinition feed = feed("", "id: { column: Id, type: string }");
        Path empty = Files.createFile(dir.resolve("empty." + type()));

        assertThatThrownBy(() -> open(feed, dir.resolve("missing." + type()))).hasMessageEndingWith("missing." + type() + ": no such file");
        assertThatThrownBy(() -> open(feed, empty)).hasMessageEndingWith("is empty (0 bytes)");
        assertThatThrownBy(() -> open(feed, dir)).hasMessageEndingWith("is a directory, expected a feed file");
    }

    protected Path workbook(Consumer<SheetFixtures> content) throws IOException {
        return workbook(content, w -> { });
    }

    protected Path workbook(Consumer<SheetFixtures> content, Consumer<Workbook> setup) throws IOException {
        Workbook workbook = newWorkbook();
        setup.accept(workbook);
        SheetFixtures fixtures = new SheetFixtures(workbook);
        content.accept(fixtures);
        return fixtures.save(dir.resolve("offers-" + files.incrementAndGet() + "." + type()));
    }

    /** A feed of the format under test; {@code format} holds further format keys, one per line. */
    protected FeedDefinition feed(String format, String... fields) throws IOException {
        Path yaml = Files.createTempFile(dir, "feed", ".yml");
        String first = fields[0].substring(0, fields[0].indexOf(':')).trim();
        Files.writeString(yaml, "name: sheet-test\nformat:\n  type: " + type() + "\n"
                + (format.isEmpty() ? "" : "  " + format.replace("\n", "\n  ") + "\n")
                + "fields:\n  " + String.join("\n  ", fields) + "\ntarget:\n  key: [" + first + "]\n", StandardCharsets.UTF_8);
        return new FeedDefinitionLoader().load(yaml);
    }

    protected List<SourceRecord> readAll(FeedDefinition feed, Path file) {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordReader reader = open(feed, file)) {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }
        return records;
    }

    protected static java.util.Map<String, String> map(String... keysAndValues) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
