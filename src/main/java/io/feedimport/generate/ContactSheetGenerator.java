package io.feedimport.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a realistic CRM contacts export as a spreadsheet, in the layout {@code jobs/contacts-xlsx.yml} reads: a
 * hidden "Lists" sheet first (as CRMs leave their drop-down values), then "Contacts" with a header row, real cell
 * types (numbers, dates, date-times, booleans, text, a formula) and Bulgarian and accented names, with a chosen
 * share of rows broken on purpose, each in one way. XLSX is written through the streaming SXSSF path, so a 500,000
 * row benchmark file costs little memory; XLS (at most 65,535 rows) through HSSF. The same seed writes the same rows.
 */
public final class ContactSheetGenerator {

    static final List<String> HEADERS = List.of("Contact ID", "First name", "Last name", "E-mail", "Phone", "Company",
            "City", "Agent", "Birth date", "Created", "Score", "Active", "Score x2");
    private static final List<String> FIRST = List.of("Мария", "Георги", "Елена", "Николай", "Десислава", "Иван",
            "Цветелина", "Петър", "Anna", "Jean-Luc", "Seán", "Zofia", "Lukas", "María José", "Ayşe", "Émilie");
    private static final List<String> LAST = List.of("Петрова", "Иванов", "Димитрова", "Стоянов", "Колева", "Тодоров",
            "Müller", "Dubois", "O'Brien", "Wiśniewska", "Brändli", "Núñez", "Yılmaz", "Laurent", "Papadópoulos");
    private static final List<String> COMPANIES = List.of("Слънчев Дом ЕООД", "Имоти Варна АД", "Alpenblick GmbH",
            "Costa del Sol Homes S.L.", "Kraków Nieruchomości sp. z o.o.", "Thessaloníki Estates", "", "");
    private static final List<String> CITIES = List.of("София", "Пловдив", "Варна", "Бургас", "Русе", "Велико Търново",
            "München", "Zürich", "Kraków", "Wien", "Málaga", "Thessaloníki");
    private static final int DEFECTS = 6;

    private final long seed;

    public ContactSheetGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes {@code rows} contacts, {@code invalidPercent} % of them invalid; xls when the name ends in .xls. */
    public GeneratedFeed write(Path file, long rows, double invalidPercent) throws IOException {
        boolean xls = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xls");
        if (rows < 1 || xls && rows > 65_535) {
            throw new IllegalArgumentException("rows must be between 1 and " + (xls ? "65,535 in an XLS file" : "a few million"));
        }
        long invalidEvery = invalidPercent <= 0 ? 0 : Math.max(1, Math.round(100 / invalidPercent));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long invalid = 0;
        try (Workbook workbook = xls ? new HSSFWorkbook() : new SXSSFWorkbook(200);
             OutputStream out = Files.newOutputStream(file)) {
            if (workbook instanceof HSSFWorkbook old) {
                old.createInformationProperties(); // without them POI warns on every write
            }
            Sheet lists = workbook.createSheet("Lists");
            for (int i = 0; i < CITIES.size(); i++) {
                lists.createRow(i).createCell(0).setCellValue(CITIES.get(i));
            }
            workbook.setSheetHidden(0, true);
            Sheet sheet = workbook.createSheet("Contacts");
            workbook.setActiveSheet(1);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            CellStyle date = style(workbook, "yyyy-mm-dd");
            CellStyle dateTime = style(workbook, "yyyy-mm-dd hh:mm:ss");
            SplittableRandom random = new SplittableRandom(seed);
            for (long n = 1; n <= rows; n++) {
                int defect = invalidEvery > 0 && n % invalidEvery == 0 ? (int) ((n / invalidEvery) % DEFECTS) : -1;
                invalid += defect >= 0 ? 1 : 0;
                row(sheet.createRow((int) n), n, random, defect, date, dateTime);
            }
            workbook.write(out);
            if (workbook instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
        }
        return new GeneratedFeed(rows, invalid, Files.size(file));
    }

    private static void row(Row row, long n, SplittableRandom r, int defect, CellStyle date, CellStyle dateTime) {
        String first = Draws.pick(r, FIRST);
        String last = Draws.pick(r, LAST);
        String mailbox = ascii(first) + "." + ascii(last) + n;
        text(row, 0, defect == 0 ? null : "CT-" + String.format(java.util.Locale.ROOT, "%06d", n));
        text(row, 1, first);
        text(row, 2, last);
        text(row, 3, defect == 1 ? null : defect == 2 ? mailbox + "-at-example.com" : mailbox + "@example.com");
        text(row, 4, "+359 8" + (7 + r.nextInt(3)) + " " + (100 + r.nextInt(900)) + " " + (1000 + r.nextInt(9000)));
        text(row, 5, Draws.pick(r, COMPANIES));
        text(row, 6, Draws.pick(r, CITIES));
        text(row, 7, "AG-" + String.format(java.util.Locale.ROOT, "%03d", 1 + r.nextInt(30)));
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(365 * 55));
        row.createCell(8).setCellValue(defect == 3 ? LocalDate.of(2031, 5, 17) : born);
        row.getCell(8).setCellStyle(date);
        row.createCell(9).setCellValue(LocalDateTime.of(2025, 1, 1, 8, 0).plusMinutes(r.nextInt(60 * 24 * 690)));
        row.getCell(9).setCellStyle(dateTime);
        double score = defect == 4 ? -5 : r.nextInt(1000) / 10.0;
        row.createCell(10).setCellValue(score);
        if (defect != 5) {
            row.createCell(11).setCellValue(r.nextInt(5) > 0);
        } else {
            text(row, 11, "maybe");
        }
        row.createCell(12).setCellFormula("K" + (row.getRowNum() + 1) + "*2");
        row.getCell(12).setCellValue(score * 2); // the cached result, as Excel saves it
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    private static String ascii(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String latin = plain.chars().allMatch(c -> c < 128) ? plain : String.valueOf(Math.abs(name.hashCode()));
        return latin.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
