package io.feedimport.read;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;

/**
 * Turns the rows of one sheet, fed cell by cell, into records, the same way for both sheet readers: rows up to the
 * header row are no records (the header row names the columns), nor are rows without any value. A record's number
 * counts records, its line is the row number, its column is 1. Only cells of the fields' columns are converted.
 */
final class SheetRows {

    private final String file;
    private final String sheet;
    private final int headerRow;
    private final List<FieldDefinition> fields;
    private final List<String> fieldNames;
    private int[] columns;
    private boolean[] wanted;
    private SortedMap<Integer, String> headers;
    private int row;
    private boolean materialize;
    private boolean present;
    private String[] values;
    private long records;

    SheetRows(FeedDefinition feed, int headerRow, String file, String sheet) {
        this.file = file;
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.fields = feed.fields();
        this.fieldNames = fields.stream().map(FieldDefinition::name).toList();
        if (headerRow == 0) {
            resolve();
        }
    }

    /**
     * @param row         the 1-based row number; rows come in ascending order
     * @param materialize whether the row's field texts are wanted, or only whether it is a record (when skipping)
     */
    void startRow(int row, boolean materialize) {
        if (columns == null && row > headerRow) {
            resolve();
        }
        this.row = row;
        this.materialize = materialize;
        this.present = false;
        this.values = null;
        if (row == headerRow) {
            headers = new TreeMap<>();
        }
    }

    /** Whether the reader should convert the text of the current row's cell in this 0-based column. */
    boolean wants(int column) {
        if (row == headerRow) {
            return true;
        }
        return row > headerRow && materialize && column < wanted.length && wanted[column];
    }

    /** The converted text of a wanted cell; null (an empty cell) is ignored. */
    void cell(int column, String text) {
        if (text == null || row < headerRow) {
            return;
        }
        if (row == headerRow) {
            headers.put(column, text);
            return;
        }
        present = true;
        if (values == null) {
            values = new String[fields.size()];
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == column) {
                values[i] = text;
            }
        }
    }

    /** A cell that is not wanted but has a value: its row is a record even if no field reads that cell. */
    void present() {
        present = true;
    }

    /** @return whether the row just ended is a record */
    boolean endRow() {
        if (row == headerRow) {
            resolve();
            return false;
        }
        if (row < headerRow || !present) {
            return false;
        }
        records++;
        return true;
    }

    /** Called once after the last row, so a sheet that ends before its header row still reports unknown headers. */
    void endSheet() {
        if (columns == null) {
            resolve();
        }
    }

    SourceRecord record() {
        return new SourceRecord(file, records, row, 1, fieldNames, values != null ? values : new String[fields.size()]);
    }

    /** How many records have ended so far, read or skipped. */
    long records() {
        return records;
    }

    int row() {
        return row;
    }

    String sheet() {
        return sheet;
    }

    private void resolve() {
        columns = SheetColumns.resolve(file, sheet, headerRow, fields, headers == null ? Collections.emptySortedMap() : headers);
        int width = 0;
        for (int column : columns) {
            width = Math.max(width, column + 1);
        }
        wanted = new boolean[width];
        for (int column : columns) {
            if (column >= 0) { // a computed field has no column
                wanted[column] = true;
            }
        }
        headers = null;
    }
}
