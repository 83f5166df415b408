package io.feedimport.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes test workbooks cell by cell with typed values (writing may use POI's whole-workbook models; only reading must
 * stream). Values: String, Number, Boolean, LocalDate (yyyy-mm-dd), LocalDateTime (yyyy-mm-dd hh:mm:ss), a
 * {@link Formula}, a {@link Styled} number, or null for no cell.
 */
final class SheetFixtures {

    /** A formula, evaluated before saving so that the file holds its cached result. */
    record Formula(String text, String format) {
    }

    /** A number shown in a given number format, e.g. a date serial of the 1904 system under "yyyy-mm-dd". */
    record Styled(double value, String format) {
    }

    static Formula formula(String text) {
        return new Formula(text, null);
    }

    static Formula formula(String text, String format) {
        return new Formula(text, format);
    }

    static Styled styled(double value, String format) {
        return new Styled(value, format);
    }

    private final Workbook workbook;
    private final Map<String, CellStyle> styles = new HashMap<>();

    SheetFixtures(Workbook workbook) {
        this.workbook = workbook;
    }

    Sheet sheet(String name) {
        Sheet sheet = workbook.getSheet(name);
        return sheet != null ? sheet : workbook.createSheet(name);
    }

    /** Writes the values into the 1-based row of the sheet, from column A on. */
    SheetFixtures row(String sheetName, int rowNumber, Object... values) {
        Sheet sheet = sheet(sheetName);
        Row row = sheet.getRow(rowNumber - 1) != null ? sheet.getRow(rowNumber - 1) : sheet.createRow(rowNumber - 1);
        for (int column = 0; column < values.length; column++) {
            Object value = values[column];
            if (value != null) {
                set(row.createCell(column), value);
            }
        }
        return this;
    }

    private void set(Cell cell, Object value) {
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(style("yyyy-mm-dd hh:mm:ss"));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(style("yyyy-mm-dd"));
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.text());
            if (formula.format() != null) {
                cell.setCellStyle(style(formula.format()));
            }
        } else if (value instanceof Styled styled) {
            cell.setCellValue(styled.value());
            cell.setCellStyle(style(styled.format()));
        } else {
            throw new IllegalArgumentException("no fixture cell for " + value);
        }
    }

    CellStyle style(String format) {
        return styles.computeIfAbsent(format, f -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }

    /** Caches every formula's result, as Excel does on save, and writes the workbook. */
    Path save(Path file) throws IOException {
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }
}
