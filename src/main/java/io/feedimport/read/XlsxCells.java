package io.feedimport.read;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Converts one XLSX cell, as its XML gives it (type, style index, value text, inline string), to field text following
 * {@link SheetCells}: the type says number, shared string, inline string, formula text, boolean, error or ISO date; a
 * number is a date when its style's number format is a date format.
 */
final class XlsxCells {

    private final XlsxWorkbook workbook;
    private final String file;
    /** Per style index, once looked up: whether its number format is a date format. */
    /** Per cell style, once asked: null not yet known, else the {@link SheetCells.DateShape} of its number format. */
    private final SheetCells.DateShape[] dateStyles;

    XlsxCells(XlsxWorkbook workbook, String file) {
        this.workbook = workbook;
        this.file = file;
        this.dateStyles = new SheetCells.DateShape[workbook.styles == null ? 0 : workbook.styles.getNumCellStyles()];
    }

    String text(String type, String style, String value, String inline, int row, int column) {
        return switch (type == null ? "n" : type) {
            case "n" -> number(style, value, row, column);
            case "s" -> shared(value, row, column);
            case "inlineStr" -> SheetCells.text(limited(inline != null ? inline : value, row, column));
            case "b" -> SheetCells.bool(value);
            case "e" -> null;
            case "d" -> SheetCells.isoDate(value);
            default -> SheetCells.text(limited(value, row, column)); // "str": a formula's text result
        };
    }

    /** Whether a cell has a value, decided as cheaply as possible but exactly as {@link #text} would. */
    boolean present(String type, String value, String inline, int row, int column) {
        if ("e".equals(type)) {
            return false;
        }
        if ("s".equals(type)) {
            return shared(value, row, column) != null;
        }
        return SheetCells.text(limited("inlineStr".equals(type) && inline != null ? inline : value, row, column)) != null;
    }

    private String shared(String value, int row, int column) {
        if (SheetCells.text(value) == null) {
            return null;
        }
        int index = index(value, row);
        if (index < 0 || index >= workbook.strings.getUniqueCount()) {
            throw bad(row, "cell " + cell(row, column) + " refers to shared string " + index + ", which the workbook does not have");
        }
        return SheetCells.text(limited(workbook.strings.getItemAt(index).getString(), row, column));
    }

    /** The text, unless it is longer than a cell may be: its runs of rich text may each have been within the limit. */
    private String limited(String text, int row, int column) {
        if (text != null && text.length() > workbook.limits.maxTextSize()) {
            throw bad(row, SheetCells.tooLong(cell(row, column), workbook.limits.maxTextSize()));
        }
        return text;
    }

    private SheetCells.DateShape dateShape(String style, int row) {
        StylesTable styles = workbook.styles;
        int index = style == null ? 0 : index(style, row);
        if (styles == null || index < 0 || index >= dateStyles.length) {
            return SheetCells.DateShape.NONE;
        }
        if (dateStyles[index] == null) {
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            dateStyles[index] = cellStyle == null ? SheetCells.DateShape.NONE
                    : SheetCells.DateShape.of(cellStyle.getDataFormat() & 0xFFFF, cellStyle.getDataFormatString());
        }
        return dateStyles[index];
    }

    private String number(String style, String value, int row, int column) {
        if (SheetCells.text(value) == null) {
            return null;
        }
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw bad(row, "cell " + cell(row, column) + " is a number cell holding '" + value + "'");
        }
        SheetCells.DateShape shape = dateShape(style, row);
        return shape == SheetCells.DateShape.NONE ? SheetCells.number(number) : SheetCells.date(number, workbook.date1904, shape);
    }

    private int index(String value, int row) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw bad(row, "malformed sheet XML: '" + value + "' is no index");
        }
    }

    static String cell(int row, int column) {
        return CellReference.convertNumToColString(column) + row;
    }

    private InputException bad(int row, String reason) {
        return new InputException(file + ": sheet '" + workbook.sheetName + "' row " + row + ": " + reason, false, null);
    }
}
