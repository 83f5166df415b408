package io.feedimport.read;

import io.feedimport.support.Messages;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BlankRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.StringRecord;

/**
 * Pulls the cell records of one XLS sheet, record by record, into {@link SheetRows}. Cells are stored row by row, so a
 * row ends where a cell of a later row begins: as cells are placed by their column, the dummy records of POI's
 * MissingRecordAwareHSSFListener would add nothing. A formula with a text result carries the text in the StringRecord
 * that follows it.
 */
final class XlsSheetParser {

    private final XlsWorkbook workbook;
    private int depth = 1;
    private Record lookahead;
    private boolean rowOpen;
    private int row = -1;
    private int formulaTextColumn = -1;
    private boolean ended;

    XlsSheetParser(XlsWorkbook workbook) {
        this.workbook = workbook;
    }

    /** Reads cells until a row that is a record has ended; at the end of the sheet tells the rows so and returns false. */
    boolean nextRecord(SheetRows rows, boolean materialize) {
        while (!ended) {
            Record record = lookahead != null ? lookahead : next();
            lookahead = null;
            if (record == null) {
                ended = true;
                boolean last = rowOpen && rows.endRow();
                rowOpen = false;
                rows.endSheet();
                return last;
            }
            int recordRow = record instanceof CellValueRecordInterface cell && !(record instanceof BlankRecord) ? cell.getRow() : -1;
            if (recordRow >= 0 && (!rowOpen || recordRow != row)) {
                if (rowOpen) {
                    rowOpen = false;
                    lookahead = record;
                    if (rows.endRow()) {
                        return true;
                    }
                    continue;
                }
                rowOpen = true;
                row = recordRow;
                formulaTextColumn = -1;
                rows.startRow(row + 1, materialize);
            }
            cell(record, rows);
        }
        return false;
    }

    private void cell(Record record, SheetRows rows) {
        if (record instanceof StringRecord text) {
            if (formulaTextColumn >= 0) {
                deliver(rows, formulaTextColumn, SheetCells.text(limited(text.getString(), formulaTextColumn)));
                formulaTextColumn = -1;
            }
        } else if (record instanceof FormulaRecord formula && formula.hasCachedResultString()) {
            formulaTextColumn = formula.getColumn();
        } else if (record instanceof CellValueRecordInterface cell && !(record instanceof BlankRecord)) {
            deliver(rows, cell.getColumn(), text(record));
        }
    }

    private static void deliver(SheetRows rows, int column, String text) {
        if (rows.wants(column)) {
            rows.cell(column, text);
        } else if (text != null) {
            rows.present();
        }
    }

    private String text(Record record) {
        if (record instanceof NumberRecord number) {
            return number(number.getValue(), number);
        }
        if (record instanceof LabelSSTRecord label) {
            int index = label.getSSTIndex();
            if (workbook.strings == null || index < 0 || index >= workbook.strings.getNumUniqueStrings()) {
                throw bad("cell " + cellName(label) + " refers to shared string " + index + ", which the workbook does not have");
            }
            return SheetCells.text(limited(workbook.strings.getString(index).getString(), label.getColumn()));
        }
        if (record instanceof LabelRecord label) {
            return SheetCells.text(limited(label.getValue(), label.getColumn()));
        }
        if (record instanceof BoolErrRecord bool) {
            return bool.isBoolean() ? SheetCells.bool(bool.getBooleanValue()) : null;
        }
        if (record instanceof FormulaRecord formula) {
            return switch (formula.getCachedResultTypeEnum()) {
                case NUMERIC -> number(formula.getValue(), formula);
                case BOOLEAN -> SheetCells.bool(formula.getCachedBooleanValue());
                default -> null; // an error, or an empty text (a non-empty one comes in a StringRecord)
            };
        }
        return null;
    }

    private String limited(String text, int column) {
        if (text != null && text.length() > workbook.maxTextSize) {
            throw bad(SheetCells.tooLong(new org.apache.poi.ss.util.CellReference(row, column).formatAsString(), workbook.maxTextSize));
        }
        return text;
    }

    private String number(double value, CellValueRecordInterface cell) {
        SheetCells.DateShape shape = SheetCells.DateShape.of(workbook.formats.getFormatIndex(cell),
                workbook.formats.getFormatString(cell));
        return shape == SheetCells.DateShape.NONE ? SheetCells.number(value) : SheetCells.date(value, workbook.date1904, shape);
    }

    /** The next record of this sheet, not of charts embedded in it; null after the sheet's end record. */
    private Record next() {
        while (true) {
            Record record;
            try {
                record = workbook.nextRecord();
            } catch (RuntimeException e) { // POI's record parsers throw all kinds on malformed binary content
                throw new InputException(workbook.file + ": sheet '" + workbook.sheetName + "' after row " + (row + 1)
                        + ": unreadable record, the workbook may be truncated or corrupt (" + Messages.firstLine(e) + ")", false, e);
            }
            if (record == null) {
                throw bad("the workbook ends inside the sheet; it may be truncated");
            }
            if (record instanceof BOFRecord) {
                depth++;
            } else if (record instanceof EOFRecord) {
                if (--depth == 0) {
                    return null;
                }
            } else if (depth == 1) {
                return record;
            }
        }
    }

    private static String cellName(CellValueRecordInterface cell) {
        return new org.apache.poi.ss.util.CellReference(cell.getRow(), cell.getColumn()).formatAsString();
    }

    private InputException bad(String reason) {
        return new InputException(workbook.file + ": sheet '" + workbook.sheetName + "' row " + (row + 1) + ": " + reason, false, null);
    }
}
