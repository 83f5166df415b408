package io.feedimport.read;

import java.nio.file.Path;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.SheetFormat;

/**
 * Streams the rows of one sheet of an XLS (Excel 97-2003, BIFF8) workbook as records, pulling POI's HSSF event records
 * one at a time from the file instead of building a workbook. Cells are read as {@link SheetCells} describes.
 */
public final class XlsRecordReader implements RecordReader {

    private final String file;
    private final XlsWorkbook workbook;
    private final XlsSheetParser parser;
    private final SheetRows rows;

    private XlsRecordReader(FeedDefinition feed, int headerRow, String file, XlsWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
        this.parser = new XlsSheetParser(workbook);
        this.rows = new SheetRows(feed, headerRow, file, workbook.sheetName);
    }

    /** Opens the workbook and finds the feed's sheet; refuses missing, empty, corrupt and non-XLS files. */
    public static XlsRecordReader open(FeedDefinition feed, Path path) {
        InputFiles.requireReadable(path);
        SheetFormat format = (SheetFormat) feed.format(); // registered for xls, whose variant this is
        XlsWorkbook workbook = XlsWorkbook.open(path, format);
        try {
            return new XlsRecordReader(feed, format.headerRow(), path.toString(), workbook);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public SourceRecord read() {
        return parser.nextRecord(rows, true) ? rows.record() : null;
    }

    @Override
    public void skip(long records) {
        for (long i = 0; i < records; i++) {
            if (!parser.nextRecord(rows, false)) {
                throw InputException.malformed(file, 0, 0, 0, "the sheet ends after " + rows.records()
                        + " records but an earlier attempt of this run had already read " + (rows.records() + records - i), null);
            }
        }
    }

    @Override
    public long position() {
        return rows.records();
    }

    @Override
    public void close() {
        workbook.close();
    }
}
